/// Turns decoded files into a `RuleSet`: resolves lists and patterns, checks what spans files
/// (duplicate ids and categories, composite references and cycles, guideline citations, the
/// total of literal words). Returns nil when anything was wrong; the log says what.
///
/// Cost: linear in the rules, patterns and list items, plus the guideline quote lookups.
struct RuleSetAssembler {
    let limits: RuleLimits
    let guidelines: GuidelineIndex?

    static func describe(_ thresholds: Thresholds) -> String {
        "{ review: \(YAMLReader.format(thresholds.review)), remove: \(YAMLReader.format(thresholds.remove)) }"
    }

    func assemble(_ files: [RawRuleFile], log: inout DiagnosticLog) -> RuleSet? {
        let resolver = PatternResolver(limits: limits)
        let shared = ListScope(parent: nil)
        var listDefinitions: [String: SourceLocation] = [:]
        for file in files where file.category == nil {
            for list in file.lists { define(list, in: shared, seen: &listDefinitions, log: &log) }
        }
        resolver.resolveAll(shared, log: &log)

        var categories: [Category] = []
        var categoryFiles: [String: SourceLocation] = [:]
        var ruleLocations: [RuleID: SourceLocation] = [:]
        var words = 0
        var wordsReported = false
        var composites: [(rules: [RawRule], category: String)] = []
        for file in files {
            guard let category = file.category else { continue }
            if let first = categoryFiles[category.value] {
                // Another file of the same category (e.g. harassment.nl.yaml): same thresholds.
                let thresholds = categories.first { $0.name == category.value }?.thresholds
                if let thresholds, thresholds != file.thresholds {
                    log.error(category.location, "category '\(category.value)' has threshold \(Self.describe(file.thresholds)) here "
                        + "but \(Self.describe(thresholds)) at \(first); the files of one category share its thresholds")
                }
            } else {
                categoryFiles[category.value] = category.location
            }
            let scope = ListScope(parent: shared)
            var seen = listDefinitions
            for list in file.lists { define(list, in: scope, seen: &seen, log: &log) }
            resolver.resolveAll(scope, log: &log)

            var rules: [Rule] = []
            for raw in file.rules {
                if !raw.id.rawValue.isEmpty {
                    if let first = ruleLocations[raw.id] {
                        log.error(raw.location, "duplicate rule id '\(raw.id)'; it is already defined at \(first); rule ids are unique across all files, rename one")
                    } else {
                        ruleLocations[raw.id] = raw.location
                    }
                }
                let owner = "rule '\(raw.id)'"
                var patternWords = 0
                func patterns(_ texts: [Located<String>]) -> [Pattern] {
                    texts.compactMap { text in
                        guard let (pattern, count) = resolver.pattern(text, scope: scope, owner: owner, log: &log) else { return nil }
                        patternWords = PatternResolver.add(patternWords, count)
                        words = PatternResolver.add(words, count)
                        if words > limits.literalWords, !wordsReported {
                            wordsReported = true
                            log.error(text.location, "patterns add up to more than \(limits.literalWords) literal words (a list counts all its words at every use); "
                                + "the limit is \(limits.literalWords); share long lists through fewer references or drop rare words")
                        }
                        return pattern
                    }
                }
                let rule = Rule(
                    id: raw.id, description: raw.description,
                    guideline: raw.guideline?.value ?? Citation(file: "", quote: ""),
                    weight: raw.weight, languages: raw.languages, patterns: patterns(raw.match),
                    near: raw.near.map { Context(any: patterns($0.any), within: $0.within, side: $0.side) },
                    unless: patterns(raw.unless),
                    unlessNear: raw.unlessNear.map { Context(any: patterns($0.any), within: $0.within, side: $0.side) },
                    composite: raw.requires.map { Composite(atLeast: $0.atLeast, of: $0.of.map { $0.value }, within: $0.within) },
                    diacritics: raw.diacritics, matchExamples: raw.matchExamples, noMatchExamples: raw.noMatchExamples,
                    location: raw.location)
                rules.append(rule)
            }
            composites.append((file.rules, category.value))
            if let index = categories.firstIndex(where: { $0.name == category.value }) {
                categories[index].rules += rules
            } else {
                categories.append(Category(name: category.value, description: file.description, guideline: file.guideline?.value,
                                           thresholds: file.thresholds, rules: rules, file: file.path))
            }
        }
        for (rules, category) in composites {
            checkComposites(rules, category: category, allLocations: ruleLocations, log: &log)
        }
        if let guidelines { checkCitations(files, against: guidelines, log: &log) }
        return log.isEmpty ? RuleSet(categories: categories) : nil
    }

    private func define(_ list: RawList, in scope: ListScope, seen: inout [String: SourceLocation], log: inout DiagnosticLog) {
        if let first = seen[list.name] {
            log.error(list.location, "list '\(list.name)' is already defined at \(first); "
                + "a category's lists and the lists of \(RuleFileDecoder.listsFileName) share one namespace; rename one")
            return
        }
        seen[list.name] = list.location
        scope.entries[list.name] = ListScope.Entry(list: list, state: list.rejected ? .failed : .pending)
        scope.order.append(list.name)
    }

    /// `requires.of` names existing rules of the same category, not the rule itself, each once,
    /// and composites never depend on themselves through others.
    private func checkComposites(_ rules: [RawRule], category: String, allLocations: [RuleID: SourceLocation], log: inout DiagnosticLog) {
        let ids = rules.map { $0.id }
        let known = Set(ids)
        var edges: [RuleID: [Located<RuleID>]] = [:]
        for rule in rules {
            guard let composite = rule.requires else { continue }
            var listed: Set<RuleID> = []
            for reference in composite.of {
                let id = reference.value
                if id == rule.id {
                    log.error(reference.location, "rule '\(rule.id)' lists itself in 'requires.of'; a composite combines other rules")
                } else if !listed.insert(id).inserted {
                    log.error(reference.location, "rule '\(id)' appears twice in 'requires.of' of rule '\(rule.id)'; list each rule once")
                } else if !known.contains(id) {
                    let elsewhere = allLocations[id].map { "; it is defined at \($0), and composites combine rules of their own category" } ?? ""
                    log.error(reference.location, "unknown rule '\(id)' in 'requires.of' of rule '\(rule.id)'"
                        + Suggestion.phrase(for: id.rawValue, among: ids.map { $0.rawValue })
                        + (elsewhere.isEmpty ? "; composites combine rules of category '\(category)'" : elsewhere))
                } else {
                    edges[rule.id, default: []].append(reference)
                }
            }
        }
        reportCycles(ids: ids, edges: edges, log: &log)
    }

    /// Iterative depth-first search; each cycle is reported once, where it closes.
    private func reportCycles(ids: [RuleID], edges: [RuleID: [Located<RuleID>]], log: inout DiagnosticLog) {
        enum Color { case white, gray, black }
        var color: [RuleID: Color] = [:]
        for start in ids where color[start, default: .white] == .white && edges[start] != nil {
            var stack: [(id: RuleID, next: Int)] = [(start, 0)]
            color[start] = .gray
            while let top = stack.last {
                let out = edges[top.id] ?? []
                if top.next == out.count {
                    color[top.id] = .black
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let reference = out[top.next]
                switch color[reference.value, default: .white] {
                case .white:
                    color[reference.value] = .gray
                    stack.append((reference.value, 0))
                case .gray:
                    let path = stack.map { $0.id }
                    let cycle = path[(path.firstIndex(of: reference.value) ?? 0)...] + [reference.value]
                    log.error(reference.location, "composite rules form a cycle: \(cycle.map { $0.rawValue }.joined(separator: " → ")); "
                        + "a composite may not depend on itself; remove one of these references")
                case .black:
                    break
                }
            }
        }
    }

    /// Each distinct citation is looked up once (many rules cite the same words). The lookups
    /// together pass over at most `limits.citationScanBytes` of guideline text; the citation
    /// that crosses it is reported and the rest are not checked.
    private func checkCitations(_ files: [RawRuleFile], against guidelines: GuidelineIndex, log: inout DiagnosticLog) {
        var problems: [Citation: String?] = [:]
        var scanned = 0
        for file in files {
            let citations = [file.guideline].compactMap { $0 } + file.rules.compactMap { $0.guideline }
            for citation in citations {
                let problem = problems[citation.value] ?? {
                    let problem = guidelines.problem(with: citation.value, scanned: &scanned)
                    problems[citation.value] = .some(problem)
                    return problem
                }()
                if let problem { log.error(citation.location, problem) }
                if scanned > limits.citationScanBytes {
                    log.error(citation.location, "checking the citations passed over \(scanned) bytes of guideline text by this one "
                        + "(citation \(problems.count) of the distinct ones); the limit is \(limits.citationScanBytes) bytes; "
                        + "cite fewer distinct passages, or passages nearer the start of shorter guideline files")
                    return
                }
            }
        }
    }
}
