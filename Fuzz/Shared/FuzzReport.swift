#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Stops the fuzz run when a property failed: prints the problems and aborts, so libFuzzer
/// saves the input as a crasher (scripts/fuzz.sh copies it into the test target for replay).
func report(_ problems: [String], target: String) {
    guard !problems.isEmpty else { return }
    var message = "\(target): \(problems.count) propert\(problems.count == 1 ? "y does" : "ies do") not hold:\n"
    for problem in problems.prefix(10) {
        message += "  - " + (problem.count > 2_000 ? String(problem.prefix(2_000)) + "…" : problem) + "\n"
    }
    var bytes = Array(message.utf8)
    _ = write(2, &bytes, bytes.count)
    abort()
}

/// The repository's folder, found from this file's path at build time.
let repositoryRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Fuzz/Shared/FuzzReport.swift
    return parts.joined(separator: "/")
}()
