import Foundation
import ReportSite

/// The real `Content/` built once, shared by the tests that read the built site as a reader would.
public enum RealContentBuild {
    /// One build shared by every test that reads it.
    public static let site: Task<(URL, SiteBuilder.Report), any Error> = Task {
        let output = try TestPaths.scratch("real-content").appendingPathComponent("Output")
        let builder = SiteBuilder(options: .init(content: TestPaths.content, templates: TestPaths.templates, output: output.path))
        return (output, try await builder.build())
    }

    /// A page of the built site.
    public static func page(_ path: String) async throws -> String {
        let (output, _) = try await site.value
        return try TestPaths.read(output.appendingPathComponent(path))
    }

    /// `html` with runs of white space folded, so checks do not depend on template indentation.
    public static func folded(_ html: String) -> String {
        html.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
            .replacingOccurrences(of: "> <", with: "><")
    }
}
