import Foundation
import ReportLint

/// Fuzz targets for libFuzzer (`scripts/fuzz TARGET SECONDS`), and a replayer for their corpora.
///
/// Built by scripts/fuzz with `-DFUZZING -sanitize=fuzzer,address`, this file provides
/// LLVMFuzzerTestOneInput and libFuzzer provides main. Built normally (as `swift build` does), it is a
/// small program that runs each file given to it through the same target, so a crash found by fuzzing can
/// be replayed, and is, by the regression tests.
enum FuzzTarget: String, CaseIterable {
    /// Bytes as a report file (.txt, then .md and .docx readers), parsed and linted with the built-in rules.
    case document
    /// Bytes as a YAML rule file, loaded and compiled; if it compiles, its rules lint a small report.
    case rules

    static let linter = Linter(rules: try! RuleRepository.load(rulePaths: [], includeBuiltin: true).get())

    func run(_ bytes: [UInt8]) {
        switch self {
        case .document:
            let reader = Reader(maxFileSize: 1 << 20)
            for path in ["fuzz.txt", "fuzz.md", "fuzz.docx"] {
                if case .success(let source) = reader.decode(bytes, path: path) {
                    let result = FuzzTarget.linter.lint(source)
                    _ = JSONReporter().report(LintRun(outcomes: [.linted(result)], rules: FuzzTarget.linter.rules))
                    _ = TextReporter().report(LintRun(outcomes: [.linted(result)], rules: FuzzTarget.linter.rules))
                    _ = Fixer.fix(source, linter: FuzzTarget.linter)
                }
            }
        case .rules:
            let yaml = String(decoding: bytes, as: UTF8.self)
            guard case .success(let pack) = RuleLoader.parse(yaml: yaml, file: "fuzz.yml"),
                case .success(let compiled) = CompiledRules.compile([pack])
            else { return }
            _ = Linter(rules: compiled).lint(Source(path: "r.txt", text: "2023年工作总结\n一、政治建设\n下一步，我局将学习 ，*次。\n"))
        }
    }
}

#if FUZZING
    /// Which target this binary fuzzes: REPORTLINT_FUZZ_TARGET (set by scripts/fuzz).
    let selectedTarget = FuzzTarget(rawValue: ProcessInfo.processInfo.environment["REPORTLINT_FUZZ_TARGET"] ?? "") ?? .document

    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        selectedTarget.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    }

    /// libFuzzer's documented entry for programs that own `main`.
    // swift-format-ignore: AlwaysUseLowerCamelCase
    // The name is libFuzzer's C symbol.
    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    /// SwiftPM links an executable's `main` to `<module>_main`: here it hands over to libFuzzer.
    @_cdecl("reportlint_fuzz_main")
    public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        var count = argc
        var arguments = argv
        return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
    }
#else
    @main
    struct Replay {
        static func main() {
            let arguments = CommandLine.arguments.dropFirst()
            guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
                print("usage: reportlint-fuzz document|rules FILE...")
                exit(2)
            }
            for path in arguments.dropFirst() {
                guard let data = FileManager.default.contents(atPath: path) else { continue }
                target.run(Array(data))
            }
            print("replayed \(arguments.count - 1) inputs through \(target.rawValue)")
        }
    }
#endif
