import ConductKit

/// What must hold when loading any bytes as rule files: an error with well-formed diagnostics
/// or a rule set, never a crash or a hang; a rule set compiles or fails with diagnostics; a
/// compiled set runs its examples and classifies them with consistent verdicts. The `rules`
/// fuzzer checks it on every input; `swift test` replays the inputs that once broke it
/// (`Tests/ConductKitTests/FuzzCrashers/rules/`).
///
/// One input can hold several files: a line `#== name.yaml` starts the next file (the text
/// before the first such line is `selling.yaml`).
///
///     RuleLoadingProperties.problems(Array("category: selling\n#== lists.yaml\nlists: {}".utf8))
///
/// Cost: linear in the input (every hostile construct is capped by `RuleLimits`), plus the
/// example runs of a rule set that loads.
enum RuleLoadingProperties {
    /// The guideline texts citations are checked against.
    static let guidelines = [
        "code.txt": "Be kind to others. Do not insult or put down other people. Don't sell. "
            + "Do not direct message someone unless you have their permission. Never share someone's address.",
    ]

    static let separator = Array("#== ".utf8)

    /// The rule files an input stands for, as (path, text).
    static func sources(_ input: [UInt8]) -> [(path: String, text: String)] {
        var files: [(path: String, text: String)] = []
        var name = "selling.yaml"
        var start = 0
        var i = 0
        func close(at end: Int) {
            files.append(("Rules/\(name)", String(decoding: input[start..<end], as: UTF8.self)))
        }
        while i < input.count {
            let atLineStart = i == 0 || input[i - 1] == 0x0A
            if atLineStart && input[i...].starts(with: separator) {
                close(at: i)
                var end = i + separator.count
                while end < input.count && input[end] != 0x0A { end += 1 }
                let written = String(decoding: input[(i + separator.count)..<end], as: UTF8.self)
                let valid = !written.isEmpty && written.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x5F || $0 == 0x2E }
                name = valid ? written : "file\(files.count).yaml"
                start = min(end + 1, input.count)
                i = start
                continue
            }
            i += 1
        }
        close(at: input.count)
        return files
    }

    static func problems(_ input: [UInt8], limits: RuleLimits = .standard) -> [String] {
        let files = sources(input)
        let paths = Set(files.map(\.path))
        let ruleSet: RuleSet
        do {
            ruleSet = try RuleSetLoader.load(sources: files, guidelines: guidelines, limits: limits)
        } catch {
            guard let diagnostics = diagnostics(of: error) else { return ["loading threw \(type(of: error)), not RuleLoadError: \(error)"] }
            return diagnosticProblems(diagnostics, paths: paths, limit: limits.diagnostics)
        }
        var problems: [String] = []
        let ids = ruleSet.rules.map(\.id)
        if Set(ids).count != ids.count { problems.append("a loaded rule set has duplicate ids: \(ids)") }
        let compiled: CompiledRules
        do {
            compiled = try CompiledRules(ruleSet)
        } catch {
            guard let diagnostics = diagnostics(of: error) else { return problems + ["compiling threw \(type(of: error)), not RuleLoadError: \(error)"] }
            return problems + diagnosticProblems(diagnostics, paths: paths, limit: Int.max)
        }
        _ = RuleTester(rules: compiled).run()
        for rule in ruleSet.rules {
            for example in rule.matchExamples + rule.noMatchExamples {
                problems += ClassifyProperties.verdictProblems(compiled, compiled.classify(example.text, language: nil),
                                                               Array(example.text.utf8))
            }
        }
        return problems
    }

    /// The diagnostics of a loading or compiling error (whether the API throws typed or not).
    static func diagnostics(of error: any Error) -> [Diagnostic]? { (error as? RuleLoadError)?.diagnostics }

    /// Diagnostics must exist, point into a given file at a real place, and say something.
    static func diagnosticProblems(_ diagnostics: [Diagnostic], paths: Set<String>, limit: Int) -> [String] {
        var problems: [String] = []
        if diagnostics.isEmpty { problems.append("an error without diagnostics") }
        if diagnostics.count > limit + 1 {
            problems.append("\(diagnostics.count) diagnostics; at most \(limit) and one summary are kept")
        }
        for diagnostic in diagnostics {
            let location = diagnostic.location
            if !paths.contains(location.file) || location.line < 1 || location.column < 1 || diagnostic.message.isEmpty {
                problems.append("malformed diagnostic: \(diagnostic)")
            }
        }
        return problems
    }
}
