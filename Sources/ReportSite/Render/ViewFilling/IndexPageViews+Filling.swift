import Foundation
import ReportSiteViews

extension ViewBuilder {
    func regionsIndex() -> RegionsIndexView {
        let chrome = chrome(path: Routes.regions, title: text[.regionsListTitle].text, crumbs: [(text[.regionsListBreadcrumb].text, nil)])
        return RegionsIndexView(chrome: chrome, regions: regionSummaries(root: chrome.root))
    }

    func pdusIndex() -> PDUsIndexView {
        let chrome = chrome(path: Routes.pdus, title: text[.pdusListTitle].text, crumbs: [(text[.pdusListBreadcrumb].text, nil)])
        let groups = graph.regions.map { region in
            PDUsIndexView.Group(
                region: LinkView(title: region.name, href: chrome.root + Routes.region(region.slug)),
                pdus: pduItems(region, root: chrome.root))
        }
        return PDUsIndexView(chrome: chrome, groups: groups)
    }

    func notFound() -> NotFoundView {
        var chrome = chrome(path: Routes.notFound, title: text[.notFoundTitle].text, crumbs: [(text[.notFoundTitle].text, nil)])
        // The preview server serves the site at its root; a published site lives under its base URL.
        chrome.basePath = liveReload ? "/" : Self.path(of: graph.settings.baseURL)
        return NotFoundView(chrome: chrome)
    }

    /// "/probation-reports/" from "https://example.org/probation-reports/".
    static func path(of url: String) -> String {
        guard let components = URLComponents(string: url), !components.path.isEmpty else { return "/" }
        return components.path.hasSuffix("/") ? components.path : components.path + "/"
    }
}
