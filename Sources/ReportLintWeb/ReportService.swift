import Foundation
import ReportLint

/// The server's rules and the one place where the web service calls the library: reading a request's
/// report, then linting, fixing and reviewing it through the library's front door (`LintSession`), so a
/// report is typed, gated and fixed exactly as `reportlint lint`, `fix` and `annotate` would.
public final class ReportService: Sendable {
    public let session: LintSession
    /// The server's rules and configuration, resolved once at start-up (for the rule list and single fixes).
    public let rules: CompiledRules
    public let config: Config?
    /// The configuration file the rules came from (`--config`), for the log line at start-up.
    public let configFile: String?
    public let maxFileSize: Int

    init(session: LintSession, rules: CompiledRules, config: Config?, configFile: String?, maxFileSize: Int) {
        self.session = session
        self.rules = rules
        self.config = config
        self.configFile = configFile
        self.maxFileSize = maxFileSize
    }

    /// Rules as the CLI loads them: the built-in packs (unless `includeBuiltin` is false), the files of
    /// `--rules`, and `configPath`'s packs, severities and rule files. Without `configPath` no
    /// `.reportlint.yml` is looked for: the server's rules are what its command line says.
    public static func load(configPath: String?, rulePaths: [String], includeBuiltin: Bool, maxFileSize: Int) -> Result<
        ReportService, RuleErrors
    > {
        var options = LintOptions()
        options.rulePaths = rulePaths
        options.includeBuiltin = includeBuiltin
        options.explicitConfig = configPath
        options.discoversConfiguration = false
        options.reader = Reader(maxFileSize: maxFileSize)
        let session = LintSession(options: options)
        do {
            let here = try session.rulesHere()
            return .success(
                ReportService(
                    session: session, rules: here.rules, config: here.config, configFile: configPath,
                    maxFileSize: maxFileSize))
        } catch {
            if case .rules(let failures) = error { return .failure(RuleErrors(errors: failures.flatMap(\.errors))) }
            return .failure(
                RuleErrors(errors: [
                    RuleError(.syntax(error.description), at: RuleLocation(file: configPath ?? "-", line: 1, column: 1))
                ]))
        }
    }

    var linter: Linter { Linter(rules: rules) }

    /// What was read: the report as the CLI reads it, and, for the page and for fixing, the text as the
    /// writer works on it (a .docx's paragraphs as lines of text, keeping Word's heading levels).
    struct Read {
        let source: Source
        let working: Source
        /// `text`, `markdown` or `docx` (.doc and .wps arrive as docx).
        let format: SourceFormat
    }

    /// Reads a request's report, with the CLI's limits and its messages for whatever cannot be read.
    func read(_ input: ReportInput) -> Result<Read, WebError> {
        let reader = Reader(maxFileSize: maxFileSize)
        switch input.content {
        case .file(let bytes):
            // .doc, .wps, .rtf and .odt are converted by LibreOffice inside the reader (a private temporary
            // folder, removed at once), and read as the .docx it makes.
            return reader.decode(bytes, path: input.name).mapError(WebError.read).map { source in
                Read(source: source, working: ReportService.workingCopy(of: source, name: input.name), format: source.format)
            }
        case .text(let text):
            // Pasted text is read as a text file of that name would be (Markdown when it ends in .md), so a
            // blank text, too many lines or a NUL get the CLI's messages; a Word file's text keeps its levels.
            let markdown = ReportService.markdownExtensions.contains(input.pathExtension)
            let readAs = markdown ? input.name : input.name + ".txt"
            return reader.decode(Array(text.utf8), path: readAs).mapError(WebError.read).map { decoded in
                let source =
                    markdown
                    ? decoded
                    : Source(
                        path: input.name, utf8: decoded.bytes, encoding: .utf8, format: .text, outlineLevels: input.outlineLevels)
                return Read(source: source, working: source, format: source.format)
            }
        }
    }

    private static let markdownExtensions: Set = ["md", "markdown"]

    /// A .docx as text with its heading levels: the same structure and findings, and fixes that can be
    /// applied to the text (the .docx itself is never rewritten).
    static func workingCopy(of source: Source, name: String) -> Source {
        guard source.format == .docx else { return source }
        return Source(path: name, utf8: source.bytes, encoding: .utf8, format: .text, outlineLevels: source.outlineLevels)
    }

    /// Lints one report as `reportlint lint` does: the type forced, else from the configuration's
    /// `types:` by the file's name, else detected; waivers applied; a name the configuration ignores is refused.
    func lint(_ source: Source, type: DocumentType?) -> Result<LintResult, WebError> {
        switch session.lint(source, type: type) {
        case .linted(let result): return .success(result)
        case .ignored: return .failure(WebError(status: 422, message: "服务器的配置文件忽略（ignore）这个文件名，未检查"))
        case .unreadable(let error): return .failure(.read(error))
        case .rulesFailed(let failure): return .failure(WebError(status: 500, message: "服务器的规则无法加载：\(failure.description)"))
        }
    }

    /// `reportlint fix` on the text: every safe fix (or only some rules'), or the one at `input.fix`.
    func fix(_ source: Source, input: ReportInput) -> Result<Fixer.Result, WebError> {
        let known = Set(rules.rules.map(\.header.id))
        for id in (input.only ?? []).sorted() where !known.contains(id) {
            return .failure(WebError(status: 400, message: "only 指定的规则“\(id)”不存在（GET /api/rules 列出全部）"))
        }
        let type = input.type ?? config?.type(for: source.path)
        guard let target = input.fix else {
            guard let fixed = session.fix(source, path: source.path, type: type, only: input.only) else {
                return .failure(WebError(status: 500, message: "服务器的规则无法加载"))
            }
            return .success(fixed)
        }
        guard
            let fixed = Fixer.fixOne(
                source, linter: linter, type: type, ruleId: target.rule, line: target.line, column: target.column)
        else {
            return .failure(
                WebError(
                    status: 409, message: "在第 \(target.line) 行第 \(target.column) 列没有规则 \(target.rule) 可自动修正的问题（可能已经修正，或文字已改动）"))
        }
        return .success(fixed)
    }

    /// The reviewed copy of `reportlint annotate`: every finding a Word comment, every safe fix a tracked
    /// change. A Word file (or .doc/.wps/.rtf/.odt) keeps everything it had; text becomes a new document.
    func annotate(_ input: ReportInput) -> Result<(bytes: [UInt8], name: String, comments: Int, changes: Int), WebError> {
        let bytes: [UInt8]
        var name = input.name
        switch input.content {
        case .file(let file): bytes = file
        case .text(let text):
            bytes = Array(text.utf8)
            // Text is text, whatever its name says (the page's copy of a Word file is called 报告.docx).
            if !ReportService.markdownExtensions.contains(input.pathExtension) && input.pathExtension != "txt" {
                name = (name as NSString).deletingPathExtension + ".txt"
            }
        }
        let file = LintSession.PlannedFile(path: name, rules: rules, config: config, type: input.type ?? config?.type(for: name))
        switch session.review(bytes: bytes, as: file) {
        case .success(let review):
            return .success(
                (
                    review.outcome.bytes, ReviewedCopy.outputPath(for: input.name), review.outcome.comments,
                    review.outcome.trackedChanges
                ))
        case .failure(.unreadable(let error)):
            return .failure(.read(error))
        case .failure(let failure):
            return .failure(WebError(status: 422, message: failure.message))
        }
    }

    /// The rules as `reportlint rules list --format json` gives them, with each rule file named by its
    /// file name only (the server's folders are nobody's business).
    func rulesJSON() -> String {
        var json = RuleListing.json(rules)
        for file in Set(rules.rules.map(\.header.location.file)) where file.contains("/") {
            json = json.replacingOccurrences(
                of: JSONValue.string(file).serialized(),
                with: JSONValue.string((file as NSString).lastPathComponent).serialized())
        }
        return json
    }
}
