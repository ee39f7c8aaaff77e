/// The list of regions.
public struct RegionsIndexView: Sendable {
    public var chrome: ChromeView
    public var regions: [HomePageView.RegionSummary]

    public init(chrome: ChromeView, regions: [HomePageView.RegionSummary]) {
        self.chrome = chrome
        self.regions = regions
    }
}

/// Every PDU, grouped by region.
public struct PDUsIndexView: Sendable {
    public struct Group: Sendable {
        public var region: LinkView
        public var pdus: [RegionPageView.PDUItem]

        public init(region: LinkView, pdus: [RegionPageView.PDUItem]) {
            self.region = region
            self.pdus = pdus
        }
    }

    public var chrome: ChromeView
    public var groups: [Group]

    public init(chrome: ChromeView, groups: [Group]) {
        self.chrome = chrome
        self.groups = groups
    }
}

/// The page a server shows for a missing address.
public struct NotFoundView: Sendable {
    public var chrome: ChromeView

    public init(chrome: ChromeView) {
        self.chrome = chrome
    }
}

