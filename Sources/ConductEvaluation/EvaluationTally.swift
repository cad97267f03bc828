import ConductKit

/// Gold-versus-predicted counts for one category.
struct Confusion {
    var tp = 0, fp = 0, fn = 0, tn = 0

    mutating func add(gold: Bool, predicted: Bool) {
        switch (gold, predicted) {
        case (true, true): tp += 1
        case (false, true): fp += 1
        case (true, false): fn += 1
        case (false, false): tn += 1
        }
    }

    func metrics(_ category: String) -> CategoryMetrics {
        CategoryMetrics(category: category, tp: tp, fp: fp, fn: fn, tn: tn)
    }
}

/// Running counts of an evaluation. Invariant: every array of `Confusion` has one entry per
/// category of `categories`, in that order.
struct EvaluationTally {
    let categories: [String]
    let includeAmbiguous: Bool
    var overall: [Confusion]
    var byLanguage: [String: (posts: Int, confusion: [Confusion])] = [:]
    var bySource: [String: (posts: Int, confusion: [Confusion])] = [:]
    var byFunctionality: [String: (posts: Int, correct: Int, hateful: Int)] = [:]
    var nonHateful = (posts: 0, correct: 0)
    var hateful = (posts: 0, correct: 0)
    var rules: [RuleID: (category: String, positives: Int, negatives: Int, unique: Int)] = [:]
    var outcomes: [PostOutcome] = []
    var leftOut = 0
    var goldPositive = 0
    var predictedPositive = 0
    var exactMatches = 0

    init(evaluation: Evaluation) {
        categories = evaluation.categories
        includeAmbiguous = evaluation.includeAmbiguous
        overall = Array(repeating: Confusion(), count: categories.count)
        for rule in evaluation.rules {
            rules[rule] = (rule.category, 0, 0, 0)
        }
    }

    mutating func leaveOut(_ post: LabelledPost) { leftOut += 1 }

    mutating func add(_ post: LabelledPost, _ verdict: Verdict) {
        let outcome = PostOutcome(source: post.source, id: post.id, gold: post.labels, predicted: verdict.labels)
        outcomes.append(outcome)
        let gold = Set(outcome.gold)
        let predicted = Set(outcome.predicted)
        if !gold.isEmpty { goldPositive += 1 }
        if !predicted.isEmpty { predictedPositive += 1 }
        if outcome.isCorrect { exactMatches += 1 }

        let empty = Array(repeating: Confusion(), count: categories.count)
        var language = byLanguage[post.lang] ?? (0, empty)
        var source = bySource[post.source] ?? (0, empty)
        language.posts += 1
        source.posts += 1
        for (index, category) in categories.enumerated() {
            let isGold = gold.contains(category)
            let isPredicted = predicted.contains(category)
            overall[index].add(gold: isGold, predicted: isPredicted)
            language.confusion[index].add(gold: isGold, predicted: isPredicted)
            source.confusion[index].add(gold: isGold, predicted: isPredicted)
        }
        byLanguage[post.lang] = language
        bySource[post.source] = source

        if let functionality = post.functionality {
            var row = byFunctionality[functionality] ?? (0, 0, 0)
            row.posts += 1
            if outcome.isCorrect { row.correct += 1 }
            if gold.isEmpty {
                nonHateful.posts += 1
                if outcome.isCorrect { nonHateful.correct += 1 }
            } else {
                row.hateful += 1
                hateful.posts += 1
                if outcome.isCorrect { hateful.correct += 1 }
            }
            byFunctionality[functionality] = row
        }

        var rulesByCategory: [String: Set<RuleID>] = [:]
        for hit in verdict.hits {
            rulesByCategory[hit.category, default: []].insert(hit.rule)
        }
        for (category, hitRules) in rulesByCategory {
            let isPositive = gold.contains(category)
            for rule in hitRules {
                var row = rules[rule] ?? (category, 0, 0, 0)
                if isPositive { row.positives += 1 } else { row.negatives += 1 }
                if hitRules.count == 1 { row.unique += 1 }
                rules[rule] = row
            }
        }
    }

    func report() -> EvaluationReport {
        let metrics = zip(categories, overall).map { $1.metrics($0) }
        let sum = overall.reduce(into: Confusion()) { total, next in
            total.tp += next.tp
            total.fp += next.fp
            total.fn += next.fn
            total.tn += next.tn
        }
        let exactF1 = overall.map { CategoryMetrics.f1(tp: $0.tp, fp: $0.fp, fn: $0.fn) }
        let macroF1 = exactF1.isEmpty ? 0 : rounded4(exactF1.reduce(0, +) / Double(exactF1.count))
        let totals = EvaluationTotals(
            posts: outcomes.count, ambiguousLeftOut: leftOut, goldPositive: goldPositive,
            predictedPositive: predictedPositive,
            exactMatch: Accuracy(posts: outcomes.count, correct: exactMatches), macroF1: macroF1)
        func groups(_ table: [String: (posts: Int, confusion: [Confusion])]) -> [GroupMetrics] {
            table.keys.sorted().map { name in
                let group = table[name]!
                return GroupMetrics(name: name, posts: group.posts,
                                    categories: zip(categories, group.confusion).map { $1.metrics($0) })
            }
        }
        var functionalities: FunctionalityReport?
        if !byFunctionality.isEmpty {
            functionalities = FunctionalityReport(
                functionalities: byFunctionality.keys.sorted().map { name in
                    let row = byFunctionality[name]!
                    return FunctionalityAccuracy(functionality: name, posts: row.posts, correct: row.correct,
                                                 hateful: row.hateful)
                },
                nonHateful: Accuracy(posts: nonHateful.posts, correct: nonHateful.correct),
                hateful: Accuracy(posts: hateful.posts, correct: hateful.correct))
        }
        let ruleRows = rules.map { rule, row in
            RuleStatistics(rule: rule, category: row.category, positives: row.positives,
                           negatives: row.negatives, unique: row.unique)
        }.sorted { ($0.hits, $1.rule) > ($1.hits, $0.rule) }
        return EvaluationReport(
            includeAmbiguous: includeAmbiguous, totals: totals, categories: metrics,
            micro: sum.metrics("all"), languages: groups(byLanguage), sources: groups(bySource),
            functionalities: functionalities, rules: ruleRows,
            outcomes: outcomes.sorted { $0.key < $1.key })
    }
}
