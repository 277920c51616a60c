import Foundation
import PackagePlugin

/// Compiles the built-in packs (Sources/ReportLint/BuiltinRules, a link to Rules/) into the library as
/// `PackageResources`, the names SwiftPM's `embedInCode` gives (common.yml → `common_yml`). SwiftPM writes
/// each byte as a decimal in an array literal, and type-checking 1.5 million of them took a debug build
/// about 25 minutes on two cores; `reportlint-embed` writes string literals, which compile in seconds.
@main
struct EmbedBuiltinRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        // The folder Sources/ReportLint/BuiltinRules links to.
        let folder = context.package.directoryURL.appending(path: "Rules")
        let paths = try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted()
        let files = paths.map { folder.appending(path: $0) }.filter { url in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "PackageResources.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) built-in rule files",
                executable: try context.tool(named: "reportlint-embed").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output])
        ]
    }
}
