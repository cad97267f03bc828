import Benchmark
import BenchmarkSupport
import ConductKit
import ConductRules

/// Compiling rule sets (`CompiledRules(ruleSet)`: pattern normalization, programs, the literal
/// DFA or tries, the evaluation tables), the YAML already loaded: the bundled rules, the
/// converted reference set (2,048 rules), 10,000 rules of one made-up word each, and 100,000
/// made-up words in 10,000 rules. Each iteration compiles once and checks the literal count.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 1,
        maxDuration: .seconds(20),
        maxIterations: 10
    )
    for set in CompileSet.allCases {
        Benchmark("compile \(set.title)") { benchmark in
            let (ruleSet, literals) = try set.load()
            benchmark.startMeasurement()
            let compiled = try CompiledRules(ruleSet)
            benchmark.stopMeasurement()
            precondition(literals == nil || compiled.literalCount == literals!,
                         "\(set.title): \(compiled.literalCount) literals, expected \(literals!)")
            blackHole(compiled)
        }
    }
}

/// The rule sets compiled, with the literal count each must give (nil: not recorded).
enum CompileSet: CaseIterable {
    case bundled, reference, rules10k, literals100k

    var title: String {
        switch self {
        case .bundled: "bundled rules"
        case .reference: "reference set (2,048 rules)"
        case .rules10k: "10,000 rules of one literal"
        case .literals100k: "100,000 literals in 10,000 rules"
        }
    }

    func load() throws -> (RuleSet, Int?) {
        switch self {
        case .bundled: return (try RuleSets.bundled(), nil)
        case .reference: return (try RuleSets.reference(), nil)
        case .rules10k: return (try SyntheticRules(literalCount: 10_000, literalsPerRule: 1).ruleSet(), 10_000)
        case .literals100k: return (try SyntheticRules(literalCount: 100_000, literalsPerRule: 10).ruleSet(), 100_000)
        }
    }
}
