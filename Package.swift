// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "reportsite",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "reportsite", targets: ["reportsite"]),
        .library(name: "ReportSite", targets: ["ReportSite"]),
        .library(name: "ReportSiteViews", targets: ["ReportSiteViews"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // The system cmark-gfm library (Debian: libcmark-gfm-dev, libcmark-gfm-extensions-dev).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // One system call Swift's Glibc module does not declare: swapping two folders in one step.
        .target(name: "CAtomicRename"),
        // What the look sees: `HTML`, the `PageTemplates` protocol and the views, plain values the
        // pipeline fills. No dependencies, so a template cannot reach a pipeline type.
        .target(name: "ReportSiteViews"),
        // The whole pipeline: load -> model -> markdown -> graph -> render -> write.
        .target(
            name: "ReportSite",
            dependencies: [
                "ReportSiteViews",
                "CCmarkGFM",
                "CAtomicRename",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The look: one compiled Swift template per page kind over the views the pipeline makes.
        // `assets/` beside them stays files, copied into the site as they are.
        .target(
            name: "Templates",
            dependencies: ["ReportSiteViews"],
            path: "Templates",
            exclude: ["assets"]
        ),
        // The preview server: serves a preview build, watches the sources, reloads open pages.
        .target(
            name: "ReportSiteServer",
            dependencies: [
                "ReportSite",
                "ReportSiteViews",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                // The connection's channel, to free a live-reload stream when its client leaves.
                .product(name: "NIOCore", package: "swift-nio"),
                // The connection limits: the HTTP/1 channel, and the request parts around its decoder.
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                // To stop the server gracefully on the preview's own signal handling.
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The command-line front end.
        .executableTarget(
            name: "reportsite",
            dependencies: [
                "ReportSite",
                "ReportSiteViews",
                "ReportSiteServer",
                "Templates",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The tests, by level (docs/testing.md), and the helpers they share: a plain target, so that
        // every test target can use it; it sees the library's public API alone.
        .target(
            name: "ReportSiteTestSupport",
            dependencies: ["ReportSite", "ReportSiteViews", "Templates"],
            path: "Tests/Support"
        ),
        // Pure functions and readers: no build.
        .testTarget(
            name: "UnitTests",
            dependencies: ["ReportSite", "ReportSiteViews", "Templates", "ReportSiteTestSupport"]
        ),
        // SiteBuilder over content folders, and the edit-and-compare harness.
        .testTarget(
            name: "BuildTests",
            dependencies: ["ReportSite", "ReportSiteViews", "Templates", "ReportSiteTestSupport"]
        ),
        // The binary as a user runs it, and the real content built; a plain `import ReportSite`.
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["ReportSite", "ReportSiteViews", "Templates", "ReportSiteTestSupport"]
        ),
        // The preview server.
        .testTarget(
            name: "ServerTests",
            dependencies: ["ReportSite", "ReportSiteViews", "ReportSiteServer", "Templates", "ReportSiteTestSupport"]
        ),
    ]
)
