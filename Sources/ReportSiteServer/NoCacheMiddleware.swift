import Hummingbird

/// Tells the browser to ask again for every file of the preview before using its copy: the preview
/// keeps the assets' plain names (see `SiteAssets`), so without it a stylesheet edited a minute ago
/// could still come from the browser's cache on the reload that follows the edit.
struct NoCacheMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.cacheControl] = "no-cache"
        return response
    }
}
