import Hummingbird
import ReportLint

/// The page and its files, compiled into the binary from `Assets/` (no external asset: the page works on
/// an intranet with no internet). The page gets the document types and the version filled in once.
struct WebAssets: Sendable {
    enum Asset {
        case page, script, style, reportStyle
    }

    let page: ByteBuffer
    let script: ByteBuffer
    let style: ByteBuffer
    let reportStyle: ByteBuffer

    init() {
        let types = DocumentType.allCases.map { "<option value=\"\($0.rawValue)\">\($0.chineseName)</option>" }.joined(
            separator: "\n")
        let html = String(decoding: PackageResources.index_html, as: UTF8.self)
            .replacingOccurrences(of: "<!--TYPES-->", with: types)
            .replacingOccurrences(of: "<!--VERSION-->", with: ReportLintVersion.current)
        page = ByteBuffer(string: html)
        script = ByteBuffer(bytes: PackageResources.app_js)
        style = ByteBuffer(bytes: PackageResources.app_css)
        reportStyle = ByteBuffer(string: HTMLFragment.css)
    }

    func response(_ asset: Asset) -> Response {
        let (buffer, type): (ByteBuffer, String) =
            switch asset {
            case .page: (page, "text/html; charset=utf-8")
            case .script: (script, "text/javascript; charset=utf-8")
            case .style: (style, "text/css; charset=utf-8")
            case .reportStyle: (reportStyle, "text/css; charset=utf-8")
            }
        return Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"], body: ResponseBody(byteBuffer: buffer))
    }
}
