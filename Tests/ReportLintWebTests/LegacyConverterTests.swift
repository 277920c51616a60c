import Foundation
import HummingbirdTesting
import ReportLint
import ReportLintWeb
import Testing

/// .doc and .wps through LibreOffice, played here by a script that takes LibreOffice's arguments: the
/// conversion's temporary folder is gone after every request, a hung converter is stopped.
@Suite("Web service: .doc and .wps", .serialized)
struct LegacyConverterTests {
    static func script(_ body: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fake-soffice-\(UUID().uuidString)").path
        try "#!/bin/sh\n\(body)\n".write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    static func conversionFolders() -> Set<String> {
        Set(((try? FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())) ?? []).filter { $0.hasPrefix("reportlint-web-") })
    }

    @Test func aDocIsConvertedLintedAndItsTemporaryFolderRemoved() async throws {
        let docx = WebHarness.fixtures.appendingPathComponent("summary-headings.docx").path
        // LibreOffice's command line: … --outdir DIR INPUT; the "conversion" copies a Word fixture.
        let soffice = try LegacyConverterTests.script("""
        for last; do :; done
        while [ "$1" != "--outdir" ]; do shift; done
        mkdir -p "$2" && cp '\(docx)' "$2/$(basename "$last" | sed 's/\\.[^.]*$//').docx"
        """)
        defer { try? FileManager.default.removeItem(atPath: soffice) }
        let before = LegacyConverterTests.conversionFolders()
        let harness = try WebHarness(converter: LegacyConverter(executable: soffice))
        let expected = try WebAPITests.cliJSON("summary-headings.docx")
        try await harness.test { client in
            for name in ["summary-headings.doc", "summary-headings.wps"] {
                let response = try await client.post("/api/lint", upload: name, [0xD0, 0xCF, 0x11, 0xE0])
                #expect(response.status == .ok)
                // The same findings as the .docx, under the name it is known by after conversion.
                #expect(response.text == expected)
            }
        }
        #expect(LegacyConverterTests.conversionFolders() == before)
    }

    @Test func aConverterThatFailsOrHangsGetsA422() async throws {
        let failing = try LegacyConverterTests.script("exit 1")
        let hanging = try LegacyConverterTests.script("exec sleep 30")
        defer {
            try? FileManager.default.removeItem(atPath: failing)
            try? FileManager.default.removeItem(atPath: hanging)
        }
        let before = LegacyConverterTests.conversionFolders()
        try await WebHarness(converter: LegacyConverter(executable: failing)).test { client in
            let response = try await client.post("/api/lint", upload: "坏.doc", [0xD0, 0xCF, 0x11, 0xE0])
            #expect(response.status == .unprocessableContent)
            #expect(response.errorMessage?.contains("LibreOffice 无法打开这个文件") == true)
        }
        try await WebHarness(converter: LegacyConverter(executable: hanging, timeLimit: .milliseconds(300))).test { client in
            let response = try await client.post("/api/lint", upload: "慢.wps", [0xD0, 0xCF, 0x11, 0xE0])
            #expect(response.status == .unprocessableContent)
            #expect(response.errorMessage?.contains("转换超时") == true)
            try await client.expectHealthy()
        }
        #expect(LegacyConverterTests.conversionFolders() == before)
    }
}
