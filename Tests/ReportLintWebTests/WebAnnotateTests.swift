import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ReportLint
import ReportLintWeb
import Testing
import ZIPFoundation

/// `/api/annotate` gives `reportlint annotate`'s reviewed copy; .doc files go through LibreOffice.
@Suite("Web service: reviewed copies and older formats", .serialized)
struct WebAnnotateTests {
    func entries(_ bytes: [UInt8]) throws -> [String: String] {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive where entry.path.hasPrefix("word/") && entry.path.hasSuffix(".xml") {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = String(decoding: data, as: UTF8.self)
        }
        return parts
    }

    @Test func aReviewedCopyHasACommentPerFindingAndTheFixesAsChanges() async throws {
        let text = String(decoding: try WebHarness.fixture("draft-punctuation.txt"), as: UTF8.self)
        let rules = try ReportService.load(
            configPath: nil, rulePaths: [], includeBuiltin: true, maxFileSize: Reader.defaultMaxFileSize
        ).get().rules
        let expected = try ReviewedCopy.review(bytes: Array(text.utf8), fileName: "draft-punctuation.txt", rules: rules).get()
        try await WebHarness().test { client in
            let response = try await client.post("/api/annotate", upload: "draft-punctuation.txt", Array(text.utf8))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            #expect(
                response.headers[.contentDisposition]?.contains("filename*=UTF-8''draft-punctuation.%E5%AE%A1%E9%98%85.docx")
                    == true)
            let comments = Int(response.headers[HTTPField.Name("X-ReportLint-Comments")!] ?? "") ?? -1
            #expect(comments == expected.outcome.comments && comments == expected.lint.findings.count && comments > 0)
            #expect(
                Int(response.headers[HTTPField.Name("X-ReportLint-Tracked-Changes")!] ?? "") == expected.outcome.trackedChanges)
            let parts = try entries(Array(response.body.readableBytesView))
            #expect(parts["word/comments.xml"]?.components(separatedBy: "<w:comment ").count == comments + 1)
            #expect(parts["word/document.xml"]?.contains("<w:ins ") == true)

            // The page's copy of a Word file is sent back as text named .docx: it becomes a new document.
            let asText = try await client.post("/api/annotate", json: ["text": text, "name": "草稿.docx"])
            #expect(asText.status == .ok)
            #expect(asText.headers[.contentDisposition]?.contains("%E8%8D%89%E7%A8%BF.%E5%AE%A1%E9%98%85.docx") == true)

            // A Word file keeps its own parts; a broken one gets the CLI's message.
            let docx = try await client.post(
                "/api/annotate", upload: "summary-headings.docx", try WebHarness.fixture("summary-headings.docx"))
            #expect(docx.status == .ok)
            let broken = try await client.post("/api/annotate", upload: "坏.docx", Array("not a zip".utf8))
            #expect(broken.status == .unprocessableContent)
            #expect(broken.errorMessage == ReadError(path: "", reason: .docx(.notZip)).message)
            try await client.expectHealthy()
        }
    }

    /// A real .doc, made by LibreOffice from a Word fixture, read through LibreOffice again; its temporary
    /// folders are gone afterwards.
    @Test func aDocIsReadThroughLibreOffice() async throws {
        guard let soffice = LegacyConverter.soffice() else {
            // Without LibreOffice the answer is the library's message (checked in the bad-input tests).
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reportlint-web-doc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(
            at: WebHarness.fixtures.appendingPathComponent("summary-headings.docx"),
            to: folder.appendingPathComponent("summary-headings.docx"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = [
            "-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--convert-to", "doc",
            "--outdir", folder.path, folder.appendingPathComponent("summary-headings.docx").path,
        ]
        process.environment = ["HOME": folder.path, "PATH": "/usr/bin:/bin"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let doc = try Array(Data(contentsOf: folder.appendingPathComponent("summary-headings.doc")))
        #expect(doc.starts(with: [0xD0, 0xCF, 0x11, 0xE0]))
        func conversions() -> Set<String> {
            Set(
                ((try? FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())) ?? []).filter {
                    $0.hasPrefix("reportlint-convert-")
                })
        }
        let before = conversions()
        try await WebHarness().test { client in
            let response = try await client.post("/api/lint", upload: "summary-headings.doc", doc)
            #expect(response.status == .ok)
            let file = try #require((response.json["files"] as? [[String: Any]])?.first)
            #expect(file["format"] as? String == "docx" && file["type"] as? String == "summary")
        }
        // Other suites may convert at the same moment: their folders go when they finish.
        for _ in 0..<600 where !conversions().subtracting(before).isEmpty { try await Task.sleep(for: .milliseconds(100)) }
        #expect(conversions().subtracting(before).isEmpty)
    }
}
