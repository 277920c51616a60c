import Foundation

/// A reviewed copy of a report as a Word document, the way reviews are handed back in Chinese offices:
/// each finding a comment (批注) on exactly the text it is about, each safe fix a tracked change (修订)
/// the writer accepts or rejects. Accepting every change gives the text `reportlint fix` writes;
/// rejecting every one gives the original. A .docx keeps everything it had (styles, numbering, tables,
/// headers, pictures, fields, earlier comments and changes): only word/document.xml (runs split where
/// a comment starts or ends, the changes), the comments part and, when that part is new, its
/// relationship and content type change. A .txt or .md report becomes a new document (`ReportDocx`).
///
/// `make` is the one entry point for the command line and the web service: the document's bytes, the
/// lint result and the fixes in, the new .docx's bytes out. `review` reads, lints and fixes first.
public enum ReviewedCopy {
    public struct Options: Sendable {
        public var author: String
        public var date: Date

        public init(author: String = "ReportLint", date: Date = Date()) {
            self.author = author
            self.date = date
        }

        /// W3C date-time in UTC, as Word writes w:date (seconds, no fraction).
        var timestamp: String { CalendarText.utcTimestamp(date) }
    }

    public struct Outcome: Sendable {
        /// The reviewed .docx.
        public let bytes: [UInt8]
        /// Comments added (one per finding).
        public let comments: Int
        /// Fix edits written as tracked changes.
        public let trackedChanges: Int
        /// Fix edits that could not be tracked (automatic numbering, a field, a picture in between): their
        /// findings' comments say what to change by hand.
        public let untracked: Int
    }

    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case unreadable(ReadError)
        /// Editing is restricted in Word (文档保护): a reviewed copy would not open for review.
        case protected
        case malformedComments(part: String, reason: String)
        /// A document the reviewed copy cannot be made of with certainty (its text does not map back).
        case unsupported(String)
        case notWritten(String)

        public var message: String {
            switch self {
            case .unreadable(let error): return error.message
            case .protected:
                return "文档设置了编辑保护（限制编辑），无法写入批注和修订；请在 Word 中“停止保护”后重试，未生成审阅稿"
            case .malformedComments(let part, let reason):
                return "文档中已有的批注部分（\(part)）格式错误：\(reason)。为免损坏原有批注，不予修复，未生成审阅稿"
            case .unsupported(let reason): return "无法生成审阅稿：\(reason)"
            case .notWritten(let reason): return reason
            }
        }

        public var description: String { message }
    }

    /// What `review` did: the copy, and the lint and fix results it was made from.
    public struct Review: Sendable {
        public let outcome: Outcome
        public let lint: LintResult
        public let fix: Fixer.Result
    }

    /// `报告.docx` → `报告.审阅.docx` (also for .txt, .md and the older formats), in the same folder.
    public static func outputPath(for path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension + ".审阅.docx"
        return folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
    }

    /// True for a name `outputPath` makes (a folder walk leaves earlier reviewed copies alone).
    public static func isReviewedCopy(_ path: String) -> Bool {
        (path as NSString).lastPathComponent.hasSuffix(".审阅.docx")
    }

    /// Reads a report from its bytes (a legacy format converted by LibreOffice first), lints it (what `gate`
    /// waives taken out, as `lint` does), fixes it as `fix` would, and makes the reviewed copy.
    /// `gate` takes out what the caller's configuration waives (`LintSession.review` applies its gate here).
    public static func review(
        bytes: [UInt8], fileName: String, rules: CompiledRules, type: DocumentType? = nil,
        reader: Reader = Reader(), options: Options = Options(),
        gate: (inout LintResult) -> Void = { _ in }
    ) -> Result<Review, Failure> {
        var documentBytes = bytes
        let source: Source
        if LegacyConverter.isLegacy(fileName) {
            switch LegacyConverter.convert(bytes, format: (fileName as NSString).pathExtension) {
            case .success(let converted): documentBytes = converted
            case .failure(let failure): return .failure(.unreadable(ReadError(path: fileName, reason: .legacy(failure))))
            }
            switch DocxReader.read(documentBytes, path: fileName) {
            case .success(let read): source = read
            case .failure(let failure): return .failure(.unreadable(ReadError(path: fileName, reason: .docx(failure))))
            }
        } else {
            switch reader.decode(bytes, path: fileName) {
            case .success(let read): source = read
            case .failure(let error): return .failure(.unreadable(error))
            }
        }
        let linter = Linter(rules: rules)
        var lint = linter.lint(source, type: type)
        gate(&lint)
        let fix = fixes(source, linter: linter, type: type)
        return make(document: documentBytes, fileName: fileName, lint: lint, fix: fix, rules: rules, options: options)
            .map { Review(outcome: $0, lint: lint, fix: fix) }
    }

    /// What `reportlint fix` would do to the report's text. A .docx is fixed as the plain text of its
    /// paragraphs (the linter keeps a Word file's suggestions as advice, as `fix` never rewrites one; here
    /// they become tracked changes the writer decides on).
    public static func fixes(_ source: Source, linter: Linter, type: DocumentType? = nil) -> Fixer.Result {
        guard source.format == .docx else { return Fixer.fix(source, linter: linter, type: type) }
        let text = Source(
            path: source.path, text: source.text, encoding: source.encoding, format: .text, outlineLevels: source.outlineLevels)
        let fixed = Fixer.fix(text, linter: linter, type: type)
        return Fixer.Result(original: source, fixedText: fixed.fixedText, applied: fixed.applied, passes: fixed.passes)
    }

    /// The reviewed copy of a linted report. `document`: the .docx the report was read from (for .txt
    /// and .md, ignored: a new document is made from the report's text); `fix`: what `fixes` did to the
    /// same source (nil: comments only); `rules`: the rules that ran, for which findings are fixable and
    /// for each comment's explanation.
    public static func make(
        document: [UInt8], fileName: String, lint: LintResult, fix: Fixer.Result?,
        rules: CompiledRules? = nil, options: Options = Options()
    ) -> Result<Outcome, Failure> {
        do {
            return .success(try Builder(fileName: fileName, lint: lint, fix: fix, rules: rules, options: options).build(document))
        } catch let failure as Failure {
            return .failure(failure)
        } catch let malformed as CommentsPart.Malformed {
            return .failure(.malformedComments(part: malformed.part, reason: malformed.reason))
        } catch {
            return .failure(.unsupported("\(error)"))
        }
    }
}

extension ReviewedCopy {
    /// Writes a reviewed copy to `path` the way `fix` writes (FixWriter's temporary file, then one rename):
    /// an interrupted run leaves the old copy or the new one, whole; a symbolic link planted at `path` is
    /// replaced, never followed; the report itself (`original`) is never the target.
    public static func write(_ bytes: [UInt8], to path: String, original: String) -> Result<Void, Failure> {
        var target = stat()
        var report = stat()
        if stat(path, &target) == 0, stat(original, &report) == 0, target.st_dev == report.st_dev, target.st_ino == report.st_ino
        {
            return .failure(.notWritten("输出文件就是报告本身，不会覆盖原文件，未写入"))
        }
        var link = stat()
        if lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFDIR {
            return .failure(.notWritten("输出路径 \(path) 是一个目录，未写入"))
        }
        let temporary: String
        switch FixWriter.writeTemporary(bytes, nextTo: path, mode: 0o644, owner: nil) {
        case .success(let written): temporary = written
        case .failure(let failure): return .failure(.notWritten(failure.message + "，未写入审阅稿"))
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return .failure(.notWritten("无法写入 \(path)（\(reason)），未写入审阅稿"))
        }
        return .success(())
    }
}
