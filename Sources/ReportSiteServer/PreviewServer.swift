import Foundation
import Hummingbird
import ReportSite

/// `reportsite serve`: builds the site with its drafts into a preview folder, serves it over HTTP,
/// rebuilds when a content or template file changes, and tells every open page to reload.
public struct PreviewServer: Sendable {
    public struct Options: Sendable {
        /// The compiled templates.
        public var look: any PageTemplates
        public var content: String
        public var templates: String
        /// Where the preview is built; never the published output folder.
        public var previewFolder: String
        public var host: String
        /// 0 picks a free port.
        public var port: Int
        /// How often the sources are compared with their last snapshot.
        public var pollInterval: Duration
        /// Log where each rebuild's time went, stage by stage.
        public var timings: Bool
        /// How to build the binary again when a template's Swift file changes; nil to leave them unwatched.
        public var templateRebuild: TemplateRebuild?

        public init(look: any PageTemplates, content: String = "Content", templates: String = "Templates", previewFolder: String,
                    host: String = "127.0.0.1", port: Int = 8000, pollInterval: Duration = .milliseconds(100),
                    timings: Bool = false, templateRebuild: TemplateRebuild? = nil) {
            self.look = look
            self.templateRebuild = templateRebuild
            self.content = content
            self.templates = templates
            self.previewFolder = previewFolder
            self.host = host
            self.port = port
            self.pollInterval = pollInterval
            self.timings = timings
        }
    }

    public var options: Options
    /// Where messages for the author go (the terminal).
    public var log: @Sendable (String) -> Void

    public init(options: Options, log: @escaping @Sendable (String) -> Void = { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }) {
        self.options = options
        self.log = log
    }

    /// Builds, then serves until cancelled. `onRunning` receives the port actually bound.
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let hub = ReloadHub()
        let state = PreviewState()
        try FileManager.default.createDirectory(
            atPath: (options.previewFolder as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        // What each build leaves for the next, kept here rather than read back from the preview
        // folder: at 10,000 reports that reading was most of the time from a save to the reload.
        var memory: BuildMemory?
        await rebuild(state: state, memory: &memory, because: "start")
        let firstMemory = memory

        let watcher = SourceWatcher(folders: [options.content, TemplateAssets.path(in: options.templates)])
        // The watcher is armed (its first snapshot taken) before the server accepts a connection, so a
        // client that has seen ": connected" can rely on every later edit being noticed.
        let firstSnapshot = watcher.snapshot()

        let router = Router()
        router.add(middleware: NoCacheMiddleware())
        router.add(middleware: ErrorPageMiddleware(state: state))
        // Outside the file middleware, so that a missing file gets the site's own 404 page.
        router.add(middleware: NotFoundMiddleware(previewFolder: options.previewFolder, fallback: "Not found"))
        router.add(middleware: FileMiddleware(
            fileProvider: ConfinedFileSystem(folder: options.previewFolder), searchForIndexHtml: true))
        router.get("__livereload.js") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-cache"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: LiveReloadScript.javascript)))
        }
        router.get("__livereload") { _, _ in
            let (id, events) = await hub.subscribe()
            return Response(
                status: .ok,
                headers: [.contentType: "text/event-stream", .cacheControl: "no-cache", .init("X-Accel-Buffering")!: "no"],
                body: ResponseBody { writer in
                    do {
                        try await writer.write(ByteBuffer(string: "retry: 500\n: connected\n\n"))
                        for await event in events { try await writer.write(ByteBuffer(string: event)) }
                        try await writer.finish(nil)
                    } catch {
                        await hub.unsubscribe(id)
                        throw error
                    }
                    await hub.unsubscribe(id)
                })
        }

        let app = Application(
            router: router,
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "reportsite-preview"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) })

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint]) }
            group.addTask { await self.watch(watcher, from: firstSnapshot, memory: firstMemory, hub: hub, state: state) }
            group.addTask {
                while !Task.isCancelled {
                    try await Task.sleep(for: .seconds(15))
                    await hub.heartbeat()
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Waits for a change (inotify on Linux, polling elsewhere or as a fallback); on one, rebuilds and
    /// tells the pages.
    func watch(_ watcher: SourceWatcher, from first: InputStamps, memory: BuildMemory?,
               hub: ReloadHub, state: PreviewState) async {
        var last = first
        var memory = memory
        var templates = options.templateRebuild?.snapshot()
        #if canImport(Glibc)
        let inotify = InotifyWatcher.make(folders: watcher.folders)
        #endif
        while !Task.isCancelled {
            // The files inotify said changed; nil when every file must be looked at.
            var told: Set<String>?
            #if canImport(Glibc)
            if let inotify {
                // Still wake every second: a change inotify cannot see (a network mount) is caught by the snapshot.
                var events = await inotify.wait(timeout: .seconds(1))
                if events != .none {
                    // An editor's save is often several writes: let them land before looking.
                    try? await Task.sleep(for: .milliseconds(20))
                    switch (events, await inotify.wait(timeout: .zero)) {
                    case (.files(let first), .files(let more)): events = .files(first.union(more))
                    case (_, .unknown): events = .unknown
                    default: break
                    }
                }
                if case .files(let paths) = events { told = paths }
                // Folders made since are watched too.
                if events == .unknown { inotify.watch(watcher.folders) }
            } else {
                try? await Task.sleep(for: options.pollInterval)
            }
            #else
            try? await Task.sleep(for: options.pollInterval)
            #endif
            if let rebuild = options.templateRebuild {
                let now = rebuild.snapshot()
                if now != templates {
                    templates = now
                    await rebuildTemplates(rebuild, state: state, hub: hub)
                    continue
                }
            }
            let looked = Date()
            let now = told.map { last.updating($0) } ?? watcher.snapshot()
            let changed = told.map { now.changes(since: last, among: $0) } ?? SourceWatcher.changes(from: last, to: now)
            guard !changed.isEmpty else { continue }
            last = now
            await rebuild(state: state, memory: &memory, inputs: now, because: changed.joined(separator: ", "),
                          noticed: Date().timeIntervalSince(looked))
            await hub.reload(changed.first ?? "")
        }
    }

    /// Builds the binary again after a template changed: the pages show the "rebuilding" page until
    /// the server restarts on the new binary, or the error page with the compiler's errors.
    func rebuildTemplates(_ rebuild: TemplateRebuild, state: PreviewState, hub: ReloadHub) async {
        log("[templates] a template changed: \(rebuild.command.joined(separator: " "))")
        await state.startRebuilding()
        await hub.reload("templates")
        if let failure = await rebuild.run() {
            await state.failed(failure)
            log("[templates] the templates did not build; the browser shows the errors:")
            log(failure.description)
            await hub.reload("templates")
        } else {
            log("[templates] built; restarting on the new binary")
            rebuild.restart()
        }
    }

    /// Builds again; `noticed` is how long the watcher took to find what changed, for `--timings`.
    func rebuild(state: PreviewState, memory: inout BuildMemory?, inputs: InputStamps? = nil, because reason: String,
                 noticed: Double? = nil) async {
        let builder = SiteBuilder(options: .init(
            look: options.look, content: options.content, templates: options.templates, output: options.previewFolder,
            includeDrafts: true, liveReload: true))
        do {
            let report = try await builder.build(remembering: &memory, inputs: inputs)
            await state.succeeded()
            log("[\(reason)] built \(report.pageCount) pages in \(String(format: "%.2f", report.seconds)) s")
            if options.timings {
                if let noticed { log(String(format: "%8.3f s  ", noticed) + "find the changed files (before the build)") }
                for stage in report.clock.stages { log(String(format: "%8.3f s  ", stage.seconds) + stage.name) }
            }
            for warning in report.warnings { log(warning.description) }
        } catch {
            await state.failed(error)
            log("[\(reason)] build failed; the browser shows the errors:")
            log(error.description)
        }
    }
}

/// While the last build failed, pages are answered with the error page.
struct ErrorPageMiddleware<Context: RequestContext>: RouterMiddleware {
    let state: PreviewState

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        let isPage = path.hasSuffix("/") || path.hasSuffix(".html") || !(path.split(separator: "/").last ?? "").contains(".")
        if isPage, !path.hasPrefix("/__livereload"), await state.rebuilding {
            return Response(status: .serviceUnavailable,
                            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache", .init(RebuildingPage.header)!: "1"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: RebuildingPage.html)))
        }
        if isPage, !path.hasPrefix("/__livereload"), let failure = await state.failure {
            return Response(status: .internalServerError, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: ErrorPage.html(for: failure))))
        }
        return try await next(request, context)
    }
}

/// Answers a missing page with the site's own 404 page.
struct NotFoundMiddleware<Context: RequestContext>: RouterMiddleware {
    let previewFolder: String
    let fallback: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let page = (try? String(contentsOfFile: (previewFolder as NSString).appendingPathComponent(Routes.notFound), encoding: .utf8)) ?? fallback
            return Response(status: .notFound, headers: [.contentType: "text/html; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
        }
    }
}
