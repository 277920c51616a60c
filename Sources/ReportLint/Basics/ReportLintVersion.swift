import Foundation

/// The tool's identity in machine reports.
public enum ReportLintVersion {
    public static let current = "0.2.0"
    public static let informationURI = "https://github.com/reportlint/reportlint"
}
