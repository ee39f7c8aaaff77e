import Foundation
import Synchronization
import Hummingbird
import HummingbirdCore
import Logging
import ReportSite
import ReportSiteViews
import ServiceLifecycle

/// `reportsite serve`: builds the site with its drafts into a preview folder, serves it over HTTP,
/// rebuilds when a content or template file changes, and tells every open page to reload.
package struct PreviewServer: Sendable {
    package struct Options: Sendable {
        /// The compiled templates.
        /// The compiled templates every page is made with.
        package var templates: any PageTemplates
        package var content: String
        /// The templates folder, whose `assets/` (CSS, scripts, icon) is copied into the site.
        package var templatesFolder: String
        /// Where the preview is built; never the published output folder.
        package var previewFolder: String
        package var host: String
        /// 0 picks a free port.
        package var port: Int
        /// How often the sources are compared with their last snapshot.
        package var pollInterval: Duration
        /// Log where each rebuild's time went, stage by stage.
        package var timings: Bool
        /// How to build the binary again when a template's Swift file changes; nil to leave them unwatched.
        package var templateRebuild: TemplateRebuild?
        /// How long a signal's graceful stop may take before the process exits anyway.
        package var stopGrace: Duration = .milliseconds(500)
        /// Timeouts and limits on each connection.
        package var connectionLimits = ConnectionLimits()

        package init(templates: any PageTemplates, content: String = "Content", templatesFolder: String = "Templates", previewFolder: String,
                    host: String = "127.0.0.1", port: Int = 8000, pollInterval: Duration = .milliseconds(100),
                    timings: Bool = false, templateRebuild: TemplateRebuild? = nil) {
            self.templates = templates
            self.templateRebuild = templateRebuild
            self.content = content
            self.templatesFolder = templatesFolder
            self.previewFolder = previewFolder
            self.host = host
            self.port = port
            self.pollInterval = pollInterval
            self.timings = timings
        }
    }

    package var options: Options
    /// Where messages for the author go (the terminal).
    package var log: @Sendable (String) -> Void

    package init(options: Options, log: @escaping @Sendable (String) -> Void = { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }) {
        self.options = options
        self.log = log
    }

    /// Builds, then serves until cancelled, SIGTERM or Ctrl+C. `onRunning` receives the port actually
    /// bound. `cleanup` runs if a signal's graceful stop takes longer than `stopGrace` (a build
    /// cannot be interrupted half-way), just before the process exits: the caller removes there what
    /// it made, as it does after `run` returns.
    package func run(cleanup: @escaping @Sendable () -> Void = {},
                    onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let hub = ReloadHub()
        let stop = StopRequest()
        // Armed before the first build, so that a signal ends the server whatever it is doing.
        let stopper = SignalStopper(grace: options.stopGrace, cleanup: cleanup, log: log)
        let serverLog = StopQuietLog()
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                await stopper.waitForSignal()
                serverLog.stop()
                await stop.request()
                await hub.finishAll()
                return false
            }
            group.addTask {
                try await self.serve(hub: hub, stop: stop, serverLog: serverLog, onRunning: onRunning)
                return true
            }
            // Until the server has stopped. A signal asks it to, and cancels a build under way, which
            // then starts no more pages: left to finish, a first build of thousands of reports outlived
            // the grace period, and the folder was then removed under its threads.
            while let served = try await group.next() {
                group.cancelAll()
                if served { break }
            }
        }
    }

    /// A stop asked for by a signal, before or after the server's service group exists.
    actor StopRequest {
        private var requested = false
        private var group: ServiceGroup?

        func request() async {
            requested = true
            await group?.triggerGracefulShutdown()
        }

        /// Registers the group a stop shuts down; false when a stop was already asked for.
        func register(_ group: ServiceGroup) -> Bool {
            self.group = group
            return !requested
        }

        var isRequested: Bool { requested }
    }

    private func serve(hub: ReloadHub, stop: StopRequest, serverLog: StopQuietLog,
                       onRunning: @escaping @Sendable (Int) async -> Void) async throws {
        let state = PreviewState()
        try FileManager.default.createDirectory(
            atPath: (options.previewFolder as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        // What each build leaves for the next, kept here rather than read back from the preview
        // folder: on a large site that reading would be most of the time from a save to the reload.
        var memory: BuildMemory?
        await rebuild(state: state, memory: &memory, because: "start")
        if await stop.isRequested { return }
        let firstMemory = memory

        let watcher = SourceWatcher(folders: [options.content, TemplateAssets.path(in: options.templatesFolder)])
        // The watcher is armed (its first snapshot taken) before the server accepts a connection, so a
        // client that has seen ": connected" can rely on every later edit being noticed.
        let firstSnapshot = InputStamps(folders: watcher.folders)

        let files = ConfinedFileSystem(folder: options.previewFolder)
        let router = Router(context: PreviewRequestContext.self)
        // First: a path with a control character never reaches a file lookup.
        router.add(middleware: ControlCharacterMiddleware())
        router.add(middleware: NoCacheMiddleware())
        router.add(middleware: ErrorPageMiddleware(state: state, look: options.templates))
        // Outside the file middleware, so that a missing file gets the site's own 404 page.
        router.add(middleware: NotFoundMiddleware(previewFolder: options.previewFolder, fallback: "Not found"))
        router.add(middleware: RangeMiddleware { path in await files.size(ofFileServedAt: path) })
        router.add(middleware: FileMiddleware(fileProvider: files, searchForIndexHtml: true))
        router.get("__livereload.js") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-cache"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: LiveReloadScript.javascript)))
        }
        router.get("__livereload") { _, context in
            let (id, events) = await hub.subscribe()
            // Freed the moment the client goes: waiting for the next heartbeat's failed write would
            // hold a descriptor per closed page until then.
            let leave: @Sendable () -> Void = { Task { await hub.unsubscribe(id) } }
            context.channel.closeFuture.whenComplete { _ in leave() }
            try? await context.channel.pipeline.addHandler(DisconnectWatcher(onDisconnect: leave), position: .first).get()
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

        let limits = options.connectionLimits
        let app = Application(
            router: router,
            server: limits.server(),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "reportsite-preview",
                                 availableConnectionsDelegate: MaximumAvailableConnections(limits.maximumConnections)),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: serverLog.logger(label: "reportsite-preview"))

        // Signals are the stopper's, which asks this group to shut down gracefully.
        let services = ServiceGroup(services: [app], logger: serverLog.logger(label: "reportsite-preview"))
        guard await stop.register(services) else { return }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await services.run() }
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
    /// tells the pages. A save while a rebuild runs supersedes it: that build's task is cancelled
    /// (it makes no more pages and changes nothing), its result is not announced, and the next build,
    /// of every change since, starts as soon as it stops.
    func watch(_ watcher: SourceWatcher, from first: InputStamps, memory: BuildMemory?,
               hub: ReloadHub, state: PreviewState) async {
        var last = first
        var memory = memory
        var templates = options.templateRebuild?.snapshot()
        /// Files changed since the last build started, not yet built.
        var pending: Set<String> = []
        var running: (task: Task<Void, Never>, outcome: BuildOutcome, changed: [String], superseded: Bool)?
        var lastFailure: String?
        #if canImport(Glibc)
        let inotify = InotifyWatcher.make(folders: watcher.folders)
        var lastSnapshot = Date()
        #endif
        while !Task.isCancelled {
            // The files inotify said changed; nil when every file must be looked at.
            var told: Set<String>?
            #if canImport(Glibc)
            if let inotify {
                // Wake often enough that a stop is seen at once, and while a build runs that its end is
                // announced without delay; the snapshot below, for changes inotify cannot see (a network
                // mount), is still taken once a second.
                var events = await inotify.wait(timeout: running == nil ? .milliseconds(200) : .milliseconds(20))
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
                if events == .none {
                    if running != nil || Date().timeIntervalSince(lastSnapshot) < 1 { told = [] } else { lastSnapshot = Date() }
                }
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
            let now: InputStamps
            if let told {
                now = last.updating(told)
            } else {
                switch watcher.snapshot() {
                case .success(let snapshot):
                    now = snapshot
                    if lastFailure != nil { log("watching the sources again"); lastFailure = nil }
                case .failure(let failure):
                    // A folder that cannot be read (no descriptor left, say) is not a folder emptied:
                    // say what happened and look again, rather than rebuild as if every file went.
                    if lastFailure != failure.description { log("cannot watch the sources: \(failure.description); trying again") }
                    lastFailure = failure.description
                    try? await Task.sleep(for: .milliseconds(500))
                    continue
                }
            }
            let changed = told.map { now.changes(since: last, among: $0) } ?? SourceWatcher.changes(from: last, to: now)
            if !changed.isEmpty {
                last = now
                pending.formUnion(changed)
                if let current = running, !current.superseded {
                    current.task.cancel()
                    running?.superseded = true
                }
            }
            if let current = running {
                // Not finished: keep watching.
                guard let built = current.outcome.memory else { continue }
                memory = built
                running = nil
                if current.superseded {
                    log("[\(TextScan.escaped(current.changed.joined(separator: ", ")))] superseded by a newer save")
                } else {
                    await hub.reload(current.changed.first ?? "")
                }
            }
            guard running == nil, !pending.isEmpty else { continue }
            let building = pending.sorted()
            pending = []
            let inputs = now, startMemory = memory, noticed = Date().timeIntervalSince(looked)
            let outcome = BuildOutcome()
            running = (Task {
                var memory = startMemory
                await self.rebuild(state: state, memory: &memory, inputs: inputs, because: building.joined(separator: ", "),
                                   noticed: noticed)
                outcome.finish(memory)
            }, outcome, building, false)
        }
        running?.task.cancel()
        // The caller removes the preview folder next: not while the build still writes into it.
        await running?.task.value
    }

    /// What a rebuild running beside the watcher leaves for the next: set once, when it ends.
    final class BuildOutcome: Sendable {
        // Written once; nil until the build ends (then .some, even of nil).
        private let result = Mutex<BuildMemory??>(nil)

        func finish(_ memory: BuildMemory?) { result.withLock { $0 = .some(memory) } }

        var memory: BuildMemory?? { result.withLock { $0 } }
    }

    /// Builds the binary again after a template changed: the pages show the "rebuilding" page until
    /// the server restarts on the new binary, or the error page with the compiler's errors.
    func rebuildTemplates(_ rebuild: TemplateRebuild, state: PreviewState, hub: ReloadHub) async {
        log("[templates] a template changed: \(rebuild.command.joined(separator: " "))")
        await state.startRebuilding()
        await hub.reload("templates")
        if let failure = await rebuild.run() {
            await state.templatesFailed(failure)
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
        // File names come from the disk: shown escaped, a name cannot rewrite the terminal.
        let reason = TextScan.escaped(reason)
        let builder = SiteBuilder(options: .init(
            templates: options.templates, content: options.content, templatesFolder: options.templatesFolder, output: options.previewFolder,
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
        } catch where error.isCancellation {
            // A newer save superseded it (the folder is as it was, and the next build follows), or the
            // server is stopping.
            log("[\(reason)] stopped")
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
    /// The templates, which make both pages.
    let look: any PageTemplates

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        let isPage = path.hasSuffix("/") || path.hasSuffix(".html") || !(path.split(separator: "/").last ?? "").contains(".")
        if isPage, !path.hasPrefix("/__livereload"), await state.rebuilding {
            return Response(status: .serviceUnavailable,
                            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache", .init(RebuildingPage.header)!: "1"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: look.rebuilding(RebuildingPage.view).bytes)))
        }
        if isPage, !path.hasPrefix("/__livereload"), let failure = await state.failure {
            return Response(status: .internalServerError, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: look.buildFailed(BuildFailedView(failure)).bytes)))
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
