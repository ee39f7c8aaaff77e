/// What a build leaves in the output folder for the next one (the manifest, the texts' facts and the
/// decoded reports), and the model it built, kept in memory by a caller that builds again and again:
/// the preview server.
///
/// It holds exactly what the build wrote, so a build handed it makes the same site as one that reads
/// the files back; it saves reading and decoding them (on a large site most of a one-file rebuild),
/// and, when a save changed report texts alone, loading and resolving the site at all. It belongs to
/// one output folder and is only ever replaced by a build that succeeded.
public struct BuildMemory: Sendable {
    /// The output folder the build wrote.
    let output: String
    let manifest: BuildManifest
    let facts: [String: BodyFacts]
    /// The search index's state, when the build made one.
    let search: SearchPostings?
    let inspections: InspectionCache
    let model: Model
    /// The paths in which the tree put aside beside the output differs from it (what the build
    /// wrote or removed), for the next build to patch that tree; nil when there is none.
    var differences: [String]?

    /// The site as the build resolved it, with what it worked out from it.
    struct Model: Sendable {
        var graph: SiteGraph
        var assets: SiteAssets
        var fingerprints: PageFingerprints
        var medians: KeyQuestionMedians
        /// The texts of drafts the build left out (still link targets).
        var leftOut: [BodyFacts]
        /// The warnings the build found in the content.
        var warnings: [Diagnostic]
        /// Each inspection's part of open data and the search index.
        var rows: ListingRows
        var today: PartialDate
    }
}
