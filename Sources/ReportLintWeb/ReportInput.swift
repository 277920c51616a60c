import Foundation
import ReportLint

/// One report as a request gives it: an uploaded file's bytes, or text (pasted, or the page's working
/// copy), with the options that go with it. Nothing in it names a path on the server: `name` is only a
/// display name whose extension says how to read the bytes.
public struct ReportInput: Sendable {
    public enum Content: Sendable {
        /// A file as uploaded: .txt (any encoding the CLI reads), .md, .docx, or .doc/.wps.
        case file([UInt8])
        /// Text as the writer has it now (UTF-8 already); Markdown when `name` ends in .md.
        case text(String)
    }

    public var name: String
    public var content: Content
    /// Forced document type (`--type`); nil: detected as the CLI does.
    public var type: DocumentType?
    /// Word's heading levels by line, for the text of a .docx (the page's working copy keeps them, so
    /// the text is parsed as the document was).
    public var outlineLevels: [Int: Int] = [:]
    /// `/api/fix`: only these rules (`--only`), or the one fix at a finding's start.
    public var only: Set<String>?
    public var fix: FixTarget?

    public struct FixTarget: Sendable, Equatable {
        public let rule: String
        public let line: Int
        public let column: Int
    }

    public init(name: String, content: Content, type: DocumentType? = nil) {
        self.name = ReportInput.displayName(name)
        self.content = content
        self.type = type
    }

    public var pathExtension: String { (name as NSString).pathExtension.lowercased() }

    /// The last component of whatever the client called its file, without control characters, at most
    /// 120 characters; a browser may send `C:\Users\…\报告.docx`.
    static func displayName(_ raw: String) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var cleaned = String(
            String.UnicodeScalarView(
                last.unicodeScalars.filter {
                    !($0.properties.generalCategory == .control || $0.properties.generalCategory == .format)
                })
        ).trimmingCharacters(in: .whitespaces)
        if cleaned == "." || cleaned == ".." { cleaned = "" }
        if cleaned.count > 120 {
            let ext = (cleaned as NSString).pathExtension
            cleaned = String(cleaned.prefix(100)) + (ext.isEmpty || ext.count > 10 ? "" : "." + ext)
        }
        return cleaned.isEmpty ? "报告.txt" : cleaned
    }
}

/// Turns an HTTP body into a `ReportInput`: `multipart/form-data` (fields `file`, or `text`, and
/// `type`, `name`) or `application/json` (`text`, `name`, `type`, `outlineLevels`, `only`, `fix`).
enum ReportInputParser {
    static func parse(body: [UInt8], contentType: String?) throws(WebError) -> ReportInput {
        guard !body.isEmpty else { throw WebError.emptyBody }
        let mediaType =
            contentType?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch mediaType {
        case "multipart/form-data": return try multipart(body, contentType: contentType ?? "")
        case "application/json": return try json(body)
        default: throw WebError.unsupportedContentType(contentType)
        }
    }

    private static func multipart(_ body: [UInt8], contentType: String) throws(WebError) -> ReportInput {
        let form: MultipartForm
        do {
            form = try MultipartForm(body: body, contentType: contentType)
        } catch {
            switch error {
            case .noBoundary: throw WebError.badField("multipart/form-data 缺少 boundary 参数")
            case .malformed: throw WebError.badField("multipart/form-data 请求体格式错误（分隔行或段头不完整）")
            case .tooManyParts: throw WebError.badField("multipart/form-data 的字段过多（上限 \(MultipartForm.maxParts) 个）")
            }
        }
        var input: ReportInput
        if let file = form.part("file"), file.filename != nil || !file.body.isEmpty {
            input = ReportInput(name: form.part("name")?.text ?? file.filename ?? "报告.txt", content: .file(Array(file.body)))
        } else if let text = form.part("text") {
            guard let decoded = String(validating: text.body, as: UTF8.self) else {
                throw WebError.badField("text 字段不是有效的 UTF-8 文字")
            }
            input = ReportInput(name: form.part("name")?.text ?? "粘贴的文字.txt", content: .text(decoded))
        } else {
            throw WebError.badField("请在 file 字段上传报告文件，或在 text 字段提交文字")
        }
        input.type = try documentType(form.part("type")?.text)
        if let only = form.part("only")?.text, !only.isEmpty {
            input.only = Set(only.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        }
        return input
    }

    private static func json(_ body: [UInt8]) throws(WebError) -> ReportInput {
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
                throw WebError.badJSON("应为对象 {\"text\": \"……\"}")
            }
            object = parsed
        } catch let error as WebError {
            throw error
        } catch {
            throw WebError.badJSON("无法解析（可能不是 UTF-8 或语法错误）")
        }
        guard let text = object["text"] as? String else { throw WebError.badField("JSON 中缺少文字字段 text（字符串）") }
        var input = ReportInput(name: object["name"] as? String ?? "粘贴的文字.txt", content: .text(text))
        input.type = try documentType(object["type"] as? String)
        if let levels = object["outlineLevels"] {
            guard let map = levels as? [String: Any] else { throw WebError.badField("outlineLevels 应为 {\"行号\": 级别}") }
            for (key, value) in map {
                guard let line = Int(key), line >= 1, let level = value as? Int, (1...9).contains(level) else {
                    throw WebError.badField("outlineLevels 应为 {\"行号\": 级别}，行号从 1 起，级别 1 到 9")
                }
                input.outlineLevels[line] = level
            }
        }
        if let only = object["only"] {
            guard let ids = only as? [String] else { throw WebError.badField("only 应为规则 id 的数组") }
            input.only = Set(ids)
        }
        if let fix = object["fix"] {
            guard let fields = fix as? [String: Any], let rule = fields["rule"] as? String,
                let line = fields["line"] as? Int, let column = fields["column"] as? Int
            else {
                throw WebError.badField("fix 应为 {\"rule\": 规则 id, \"line\": 行, \"column\": 列}")
            }
            input.fix = ReportInput.FixTarget(rule: rule, line: line, column: column)
        }
        return input
    }

    static func documentType(_ raw: String?) throws(WebError) -> DocumentType? {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty, raw != "auto" else { return nil }
        guard let type = DocumentType(rawValue: raw) else {
            throw WebError.badField(
                "文种“\(raw)”无效，应为 " + DocumentType.allCases.map(\.rawValue).joined(separator: "、") + " 之一（不给则自动判断）")
        }
        return type
    }
}
