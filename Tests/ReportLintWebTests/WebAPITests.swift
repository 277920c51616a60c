import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ReportLint
import ReportLintWeb
import Testing

/// Every route of the web service, through Hummingbird's testing module, checked against what the CLI
/// prints for the same report.
@Suite("Web service routes", .serialized)
struct WebAPITests {
    /// `reportlint lint --format json FILE` run in Fixtures/ with no configuration: the contract /api/lint keeps.
    static func cliJSON(_ fixture: String) throws -> String {
        let binary = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("reportlint"),
            WebHarness.packageRoot.appendingPathComponent(".build/debug/reportlint"),
        ]
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }!
        let process = Process()
        process.executableURL = binary
        process.arguments = ["lint", "--format", "json", "--config", "/dev/null", fixture]
        process.currentDirectoryURL = WebHarness.fixtures
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func thePageIsServedWithAStrictPolicyAndNoExternalAsset() async throws {
        try await WebHarness().test { client in
            let page = try await client.execute(uri: "/", method: .get)
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            let policy = try #require(page.headers[.contentSecurityPolicy])
            #expect(
                policy.contains("script-src 'self'") && policy.contains("default-src 'none'") && !policy.contains("unsafe-inline")
            )
            #expect(page.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
            #expect(page.text.contains("ReportLint 报告检查") && page.text.contains("<option value=\"plan\">"))
            // No inline script or style, nothing from another origin.
            #expect(!page.text.contains("<script>") && !page.text.contains("<style") && !page.text.contains("style=\""))
            for (path, type) in [
                ("/static/app.js", "text/javascript"), ("/static/app.css", "text/css"), ("/static/report.css", "text/css"),
            ] {
                let asset = try await client.execute(uri: path, method: .get)
                #expect(asset.status == .ok)
                #expect(asset.headers[.contentType]?.hasPrefix(type) == true)
                #expect(!asset.text.isEmpty)
            }
            for path in ["/", "/static/app.js", "/static/app.css", "/static/report.css"] {
                let text = try await client.execute(uri: path, method: .get).text
                #expect(
                    !text.contains("http://") && !text.contains("https://") && !text.contains("//cdn"),
                    "\(path) names another origin")
            }
        }
    }

    @Test(arguments: [
        "summary-cues.txt", "draft-punctuation.txt", "summary-gb18030-crlf.txt", "markdown-report.md",
        "summary-headings.docx", "draft-unfinished-autonumber.docx",
    ])
    func anUploadGetsTheCLIsJSON(fixture: String) async throws {
        let expected = try WebAPITests.cliJSON(fixture)
        #expect(expected.contains("\"findings\""))
        try await WebHarness().test { client in
            let response = try await client.post("/api/lint", upload: fixture, try WebHarness.fixture(fixture))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            #expect(response.text == expected)
        }
    }

    @Test func jsonTextIsLintedLikeTheSameTextFile() async throws {
        let text = String(decoding: try WebHarness.fixture("summary-cues.txt"), as: UTF8.self)
        let expected = try WebAPITests.cliJSON("summary-cues.txt")
        try await WebHarness().test { client in
            let response = try await client.post("/api/lint", json: ["text": text, "name": "summary-cues.txt"])
            #expect(response.status == .ok)
            #expect(response.text == expected)
            // A forced type is the CLI's --type.
            let forced = try await client.post("/api/lint", json: ["text": text, "name": "a.txt", "type": "plan"])
            let file = try #require((forced.json["files"] as? [[String: Any]])?.first)
            #expect(file["type"] as? String == "plan" && file["typeSource"] as? String == "forced")
        }
    }

    @Test func reviewDrawsTheReportAndListsTheSafeFixes() async throws {
        try await WebHarness().test { client in
            let response = try await client.post(
                "/api/review", upload: "draft-punctuation.txt", try WebHarness.fixture("draft-punctuation.txt"))
            #expect(response.status == .ok)
            let body = response.json
            let report = try #require(body["report"] as? [String: Any])
            let findings = try #require((report["files"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]])
            let html = try #require(body["html"] as? String)
            // Every finding is in the drawing: its list item, and a highlight naming it.
            for index in findings.indices {
                #expect(html.contains("id=\"f1-\(index + 1)\""))
                #expect(html.contains("data-findings=\"1-\(index + 1)") || html.contains(" 1-\(index + 1)\""))
            }
            #expect(html.contains("class=\"outline\""))
            let fixes = try #require(body["fixes"] as? [[String: Any]])
            #expect(!fixes.isEmpty)
            for fix in fixes {
                let finding = findings[fix["finding"] as! Int]
                #expect(finding["rule"] as? String == fix["rule"] as? String)
                #expect(finding["line"] as? Int == fix["line"] as? Int && finding["fixable"] as? Bool == true)
            }
            let document = try #require(body["document"] as? [String: Any])
            #expect(
                document["text"] as? String == String(decoding: try WebHarness.fixture("draft-punctuation.txt"), as: UTF8.self))
        }
    }

    /// Heading styles (summary-headings.docx) and automatic numbering (draft-unfinished-autonumber.docx).
    @Test(arguments: ["summary-headings.docx", "draft-unfinished-autonumber.docx"])
    func aWordFileIsReviewedAsItsTextWithItsHeadingLevels(fixture: String) async throws {
        let docx = try WebHarness.fixture(fixture)
        let cli = try WebAPITests.cliJSON(fixture)
        try await WebHarness().test { client in
            let response = try await client.post("/api/review", upload: fixture, docx)
            #expect(response.status == .ok)
            let document = try #require(response.json["document"] as? [String: Any])
            #expect(document["format"] as? String == "docx")
            let levels = try #require(document["outlineLevels"] as? [String: Int])
            if fixture == "summary-headings.docx" { #expect(!levels.isEmpty) }
            // The working copy, sent back as text with its levels, gives the Word file's findings.
            let again = try await client.post(
                "/api/lint",
                json: [
                    "text": document["text"] as! String, "name": fixture,
                    "outlineLevels": levels,
                ])
            func rulesAndPlaces(_ json: [String: Any]) -> [String] {
                let findings = ((json["files"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]]) ?? []
                return findings.map { "\($0["rule"]!)@\($0["line"]!):\($0["column"]!)-\($0["endLine"]!):\($0["endColumn"]!)" }
            }
            let word = (try JSONSerialization.jsonObject(with: Data(cli.utf8))) as! [String: Any]
            #expect(rulesAndPlaces(again.json) == rulesAndPlaces(word))
            if fixture == "draft-unfinished-autonumber.docx" {
                #expect(!rulesAndPlaces(word).isEmpty)
                // In the page they can be fixed: the text is fixed, never the Word file.
                #expect(!((response.json["fixes"] as? [[String: Any]]) ?? []).isEmpty)
            }
        }
    }

    @Test func fixAllGivesWhatFixGives() async throws {
        let text = "2023年工作总结\n认真学习 ，深入领会,开展“贯彻党代会 奋进新征程”宣讲...学习《两个确立 的意义》，，坚持以新时代中国特色社会主义思想为指导。\n"
        try await WebHarness().test { client in
            let response = try await client.post("/api/fix", json: ["text": text, "name": "报告.txt"])
            #expect(response.status == .ok)
            let body = response.json
            #expect(
                body["fixedText"] as? String
                    == "2023年工作总结\n认真学习，深入领会，开展“贯彻党代会 奋进新征程”宣讲……学习《两个确立 的意义》，坚持以习近平新时代中国特色社会主义思想为指导。\n")
            #expect(body["changed"] as? Bool == true)
            let edits = try #require(body["edits"] as? [[String: Any]])
            #expect(
                Set(edits.compactMap { $0["rule"] as? String }) == [
                    "common/ellipsis", "common/formulation", "common/half-width-punctuation",
                    "common/repeated-punctuation", "common/stray-space",
                ])
            // Only some rules, as `fix --only`.
            let only = try await client.post("/api/fix", json: ["text": text, "only": ["common/ellipsis"]])
            #expect(only.json["fixedText"] as? String == text.replacingOccurrences(of: "...", with: "……"))
            let unknown = try await client.post("/api/fix", json: ["text": text, "only": ["common/no-such-rule"]])
            #expect(unknown.status == .badRequest)
            #expect(unknown.errorMessage?.contains("common/no-such-rule") == true)
        }
    }

    @Test func oneFixChangesOnlyItsText() async throws {
        let text = "2023年工作总结\n认真学习 ，深入领会,开展宣讲...形式多样。\n"
        try await WebHarness().test { client in
            let review = try await client.post("/api/review", json: ["text": text])
            let fixes = try #require(review.json["fixes"] as? [[String: Any]])
            let comma = try #require(fixes.first { $0["rule"] as? String == "common/half-width-punctuation" })
            let target = ["rule": comma["rule"]!, "line": comma["line"]!, "column": comma["column"]!]
            let response = try await client.post("/api/fix", json: ["text": text, "fix": target])
            #expect(response.status == .ok)
            #expect(response.json["fixedText"] as? String == "2023年工作总结\n认真学习 ，深入领会，开展宣讲...形式多样。\n")
            #expect((response.json["edits"] as? [[String: Any]])?.count == 1)
            // Asked again on the fixed text: nothing there any more.
            let again = try await client.post("/api/fix", json: ["text": response.json["fixedText"]!, "fix": target])
            #expect(again.status == .conflict)
            #expect(again.errorMessage?.contains("没有规则 common/half-width-punctuation 可自动修正的问题") == true)
        }
    }

    @Test func aWordFilesTextIsFixedAndTheFileIsNotRewritten() async throws {
        let docx = try WebHarness.fixture("draft-unfinished-autonumber.docx")
        try await WebHarness().test { client in
            let review = try await client.post("/api/review", upload: "draft-unfinished-autonumber.docx", docx)
            let document = try #require(review.json["document"] as? [String: Any])
            let fixed = try await client.post("/api/fix", upload: "draft-unfinished-autonumber.docx", docx)
            #expect(fixed.status == .ok)
            let fixedText = try #require(fixed.json["fixedText"] as? String)
            // A fix never adds or removes a paragraph.
            #expect(
                fixedText.split(separator: "\n", omittingEmptySubsequences: false).count
                    == (document["text"] as! String).split(separator: "\n", omittingEmptySubsequences: false).count)
            #expect(fixed.json["name"] as? String == "draft-unfinished-autonumber.docx")
            #expect(fixed.json["changed"] as? Bool == true)
        }
    }

    @Test func theRulesAreTheServersOwn() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reportlint-web-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
        pack: unit
        rules:
          - id: unit/colloquial
            kind: forbid
            severity: error
            message: 公文中避免口语化表述
            phrases: [搞好]
        """.write(to: folder.appendingPathComponent("unit.yml"), atomically: true, encoding: .utf8)
        try "ruleFiles: [unit.yml]\npacks:\n  duty: false\n".write(
            to: folder.appendingPathComponent(".reportlint.yml"), atomically: true, encoding: .utf8)
        let harness = try WebHarness(configPath: folder.appendingPathComponent(".reportlint.yml").path)
        try await harness.test { client in
            let rules = try await client.execute(uri: "/api/rules", method: .get)
            #expect(rules.status == .ok)
            let list = try #require(rules.json["rules"] as? [[String: Any]])
            let unit = try #require(list.first { $0["id"] as? String == "unit/colloquial" })
            #expect(unit["file"] as? String == "unit.yml")
            #expect(!rules.text.contains(folder.path))
            #expect(!list.contains { $0["pack"] as? String == "duty" })
            let lint = try await client.post("/api/lint", json: ["text": "2023年工作总结\n要搞好理论学习。\n"])
            #expect(lint.text.contains("\"rule\": \"unit/colloquial\""))
        }
    }

    @Test func aClientsFileNameNamesNoServerPath() async throws {
        let marker = "2023年工作总结\n认真学习，深入领会。\n"
        try await WebHarness().test { client in
            let upload = try await client.post("/api/lint", upload: "../../../../etc/passwd", Array(marker.utf8))
            #expect(upload.status == .ok)
            let file = try #require((upload.json["files"] as? [[String: Any]])?.first)
            #expect(file["path"] as? String == "passwd")
            #expect(!upload.text.contains("root:"))
            let named = try await client.post("/api/lint", json: ["text": marker, "name": "/etc/hostname"])
            #expect((named.json["files"] as? [[String: Any]])?.first?["path"] as? String == "hostname")
            let windows = try await client.post("/api/lint", upload: "C:\\Users\\张三\\报告.txt", Array(marker.utf8))
            #expect((windows.json["files"] as? [[String: Any]])?.first?["path"] as? String == "报告.txt")
        }
    }

    @Test func aLiveServerAnswersOnLoopback() async throws {
        var options = WebOptions()
        options.port = 0
        let harness = try WebHarness(options: options)
        try await harness.server.application().test(.live) { client in
            let response = try await client.post("/api/lint", json: ["text": "2023年工作总结\n认真学习 ，深入领会。\n"])
            #expect(response.status == .ok)
            #expect(response.text.contains("common/stray-space"))
        }
    }
}
