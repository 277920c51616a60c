import ArgumentParser
import ReportLint

/// The session's errors as the command line ends on them: printed on stderr, exit code 2.
extension LintSession {
    func resolveOrExit(_ paths: [String]) throws -> [PlannedFile] {
        try orExit { () throws(SessionError) in try resolve(paths) }
    }

    func planOrExit(_ arguments: [String]) throws -> Plan {
        try orExit { () throws(SessionError) in try plan(arguments) }
    }

    func runOrExit(_ plan: Plan, progress: (@Sendable (Int) -> Void)?, deliver: (Int, FileOutcome) -> Void) throws -> Ending {
        try orExit { () throws(SessionError) in try run(plan, progress: progress, deliver: deliver) }
    }

    private func orExit<T>(_ body: () throws(SessionError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            Diagnostics.print(error.description)
            throw ExitCode(2)
        }
    }
}

extension Diagnostics {
    static func print(_ diagnostic: SessionDiagnostic) {
        print(diagnostic.description)
    }
}
