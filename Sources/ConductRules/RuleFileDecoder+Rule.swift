import Yams

extension RuleFileDecoder {
    static let ruleKeys = ["id", "description", "guideline", "weight", "lang", "match", "near", "unless",
                           "unless_near", "requires", "diacritics", "examples"]

    /// Checks `<category>.<snake_case>`; nil when fine, else the problem.
    static func idProblem(_ id: String, category: String?) -> String? {
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, isSnakeCase(String(parts[0])), isSnakeCase(String(parts[1])) else {
            return "rule id '\(id)' must be '<category>.<snake_case>', e.g. '\(category ?? "selling").discount_code'"
        }
        if let category, parts[0] != category {
            return "rule id '\(id)' must start with '\(category).', the category of this file"
        }
        return nil
    }

    func decodeRule(_ node: Node, category: String?, log: inout DiagnosticLog) -> RawRule? {
        var peekedID: String?
        if case .mapping(let mapping) = node, case .scalar(let scalar)? = mapping["id"] { peekedID = scalar.string }
        let name = peekedID.map { "rule '\($0)'" } ?? "a rule without 'id'"
        guard let fields = reader.fields(node, allowed: Self.ruleKeys, in: name, what: "each item of 'rules'", log: &log) else {
            return nil
        }
        var rule = RawRule(id: RuleID(peekedID ?? ""), location: reader.location(node))
        if let idNode = fields["id"] {
            if let id = reader.string(idNode, "'id' of a rule", log: &log) {
                rule.id = RuleID(id.value)
                rule.location = id.location
                if let problem = Self.idProblem(id.value, category: category) { log.error(id.location, problem) }
            }
        } else {
            log.error(reader.location(node), "missing key 'id' in a rule; give it a stable id like '\(category ?? "<category>").snake_case_name'")
        }
        for (key, fix) in [("description", "say in one line what the rule catches"),
                           ("guideline", "cite the guideline it enforces as FILE \"QUOTED WORDS\""),
                           ("weight", "give a weight from 0 to 1 (0 makes a component that only composites use)")]
        where fields[key] == nil {
            log.error(reader.location(node), "missing key '\(key)' in \(name); \(fix)")
        }
        if let node = fields["description"], let text = reader.string(node, "'description' of \(name)", log: &log) {
            if text.value.trimmingWhitespace().isEmpty {
                log.error(text.location, "'description' of \(name) is empty; say in one line what the rule catches")
            }
            rule.description = text.value
        }
        if let node = fields["guideline"] { rule.guideline = citation(node, owner: name, log: &log) }
        if let node = fields["weight"], let weight = reader.number(node, "'weight' of \(name)", log: &log) {
            if (0...1).contains(weight) {
                rule.weight = weight
            } else {
                log.error(reader.location(node), "'weight' of \(name) is \(YAMLReader.format(weight)); it must be from 0 to 1 (0 makes a component that only composites use)")
            }
        }
        if let node = fields["lang"] { rule.languages = decodeLanguages(node, name: name, log: &log) }
        decodeMatching(fields, into: &rule, name: name, log: &log)
        if let node = fields["diacritics"], let mode = reader.string(node, "'diacritics' of \(name)", log: &log) {
            if let value = DiacriticsMode(rawValue: mode.value) {
                rule.diacritics = value
            } else {
                let modes = DiacriticsMode.allCases.map(\.rawValue)
                log.error(mode.location, "'diacritics' of \(name) is '\(mode.value)'; it must be one of: \(modes.joined(separator: ", "))"
                    + Suggestion.phrase(for: mode.value, among: modes))
            }
        }
        if let node = fields["examples"] { decodeExamples(node, into: &rule, name: name, log: &log) }
        var examplesMissing = true
        if let examples = fields["examples"] {
            if case .mapping(let mapping) = examples { examplesMissing = mapping["match"] == nil } else { examplesMissing = false }
        }
        if rule.weight > 0, examplesMissing, fields["weight"] != nil {
            log.error(reader.location(fields.keys["weight"] ?? node), "\(name) scores (weight \(YAMLReader.format(rule.weight))) but has no 'examples: { match: [...] }'; "
                + "a scored rule needs at least one post it must match, with the expected hit marked ⟦like this⟧")
        }
        return rule
    }

    private func decodeLanguages(_ node: Node, name: String, log: inout DiagnosticLog) -> [String] {
        guard let codes = reader.strings(node, "'lang' of \(name)", log: &log) else { return [] }
        if codes.isEmpty {
            log.error(reader.location(node), "'lang' of \(name) is empty; omit 'lang' to apply the rule to every language")
        }
        var result: [String] = []
        for code in codes {
            let scalars = Array(code.value.unicodeScalars)
            if scalars.count == 2, scalars.allSatisfy({ ("a"..."z").contains($0) }) {
                if !result.contains(code.value) { result.append(code.value) }
            } else {
                log.error(code.location, "language code '\(code.value)' in \(name) must be two lower-case letters (ISO 639-1), e.g. 'en' or 'nl'")
            }
        }
        return result
    }

    private func patternTexts(_ fields: Fields, _ key: String, name: String, log: inout DiagnosticLog) -> [Located<String>] {
        guard let node = fields[key] else { return [] }
        let hint = "; a pattern that starts with '{' or '*' must be quoted, e.g. \"{email}\""
        guard let texts = reader.strings(node, "'\(key)' of \(name)", hint: hint, log: &log) else { return [] }
        if texts.isEmpty {
            log.error(reader.location(node), "'\(key)' of \(name) is an empty list; give at least one pattern or remove '\(key)'")
        }
        if texts.count > limits.patternsPerRule {
            log.error(reader.location(node), "'\(key)' of \(name) has \(texts.count) patterns; the limit is \(limits.patternsPerRule); "
                + "move alternatives into a list or split the rule")
            return []
        }
        return texts
    }

    private func decodeMatching(_ fields: Fields, into rule: inout RawRule, name: String, log: inout DiagnosticLog) {
        rule.match = patternTexts(fields, "match", name: name, log: &log)
        rule.unless = patternTexts(fields, "unless", name: name, log: &log)
        if let node = fields["near"] { rule.near = decodeContext(node, key: "near", name: name, log: &log) }
        if let node = fields["unless_near"] { rule.unlessNear = decodeContext(node, key: "unless_near", name: name, log: &log) }
        switch (fields["match"], fields["requires"]) {
        case (nil, nil):
            log.error(reader.location(fields.node), "\(name) has neither 'match' nor 'requires'; "
                + "give patterns under 'match', or combine other rules with 'requires: { at_least: N, of: [ids] }'")
        case (.some, .some(let requires)):
            log.error(reader.location(fields.keys["requires"] ?? requires), "\(name) has both 'match' and 'requires'; "
                + "a rule either matches patterns or combines other rules; split it into two rules")
        case (nil, .some(let requires)):
            rule.requires = decodeComposite(requires, name: name, log: &log)
            for key in ["near", "unless", "unless_near", "diacritics"] {
                if let keyNode = fields.keys[key] {
                    log.error(reader.location(keyNode), "'\(key)' is not allowed in composite \(name); "
                        + "a composite takes its context from the rules it combines; move '\(key)' to one of them")
                }
            }
        case (.some, nil):
            break
        }
    }

    private func decodeContext(_ node: Node, key: String, name: String, log: inout DiagnosticLog) -> RawContext? {
        guard let fields = reader.fields(node, allowed: ["any", "within", "side"], in: "'\(key)' of \(name)",
                                         what: "'\(key)' of \(name)", log: &log) else { return nil }
        var context = RawContext(any: [], within: 1, side: .either)
        var ok = true
        if fields["any"] != nil {
            context.any = patternTexts(fields, "any", name: "'\(key)' of \(name)", log: &log)
        } else {
            log.error(reader.location(node), "missing key 'any' in '\(key)' of \(name); list the context patterns, e.g. 'any: [buy, order]'")
            ok = false
        }
        if let within = fields["within"] {
            if let value = reader.integer(within, "'\(key).within' of \(name)", log: &log) {
                if (1...RuleLimits.maxWithin).contains(value) {
                    context.within = value
                } else {
                    log.error(reader.location(within), "'\(key).within' of \(name) is \(value); it must be from 1 to \(RuleLimits.maxWithin) words")
                    ok = false
                }
            } else {
                ok = false
            }
        } else {
            log.error(reader.location(node), "missing key 'within' in '\(key)' of \(name); give the distance in words, from 1 to \(RuleLimits.maxWithin)")
            ok = false
        }
        if let sideNode = fields["side"], let side = reader.string(sideNode, "'\(key).side' of \(name)", log: &log) {
            if let value = Context.Side(rawValue: side.value) {
                context.side = value
            } else {
                let sides = Context.Side.allCases.map(\.rawValue)
                log.error(side.location, "'\(key).side' of \(name) is '\(side.value)'; it must be one of: \(sides.joined(separator: ", "))"
                    + Suggestion.phrase(for: side.value, among: sides))
                ok = false
            }
        }
        return ok ? context : nil
    }

    private func decodeComposite(_ node: Node, name: String, log: inout DiagnosticLog) -> RawComposite? {
        guard let fields = reader.fields(node, allowed: ["at_least", "of", "within"], in: "'requires' of \(name)",
                                         what: "'requires' of \(name)", log: &log) else { return nil }
        var composite = RawComposite(atLeast: 1, of: [], within: nil, location: reader.location(node))
        var ok = true
        if let ofNode = fields["of"], let ids = reader.strings(ofNode, "'requires.of' of \(name)", log: &log) {
            composite.of = ids.map { Located(value: RuleID($0.value), location: $0.location) }
            if ids.isEmpty {
                log.error(reader.location(ofNode), "'requires.of' of \(name) is empty; list the ids of the rules it combines")
                ok = false
            }
        } else {
            if fields["of"] == nil {
                log.error(reader.location(node), "missing key 'of' in 'requires' of \(name); list the ids of the rules it combines")
            }
            ok = false
        }
        if let atLeast = fields["at_least"] {
            if let value = reader.integer(atLeast, "'requires.at_least' of \(name)", log: &log) {
                composite.atLeast = value
                if ok, !(1...max(1, composite.of.count)).contains(value) {
                    log.error(reader.location(atLeast), "'requires.at_least' of \(name) is \(value); it must be from 1 to \(composite.of.count), "
                        + "the number of rules in 'of'")
                    ok = false
                }
            } else {
                ok = false
            }
        } else {
            log.error(reader.location(node), "missing key 'at_least' in 'requires' of \(name); say how many of the rules must hit, e.g. 'at_least: 2'")
            ok = false
        }
        if let within = fields["within"], let value = reader.integer(within, "'requires.within' of \(name)", log: &log) {
            if (1...RuleLimits.maxWithin).contains(value) {
                composite.within = value
            } else {
                log.error(reader.location(within), "'requires.within' of \(name) is \(value); it must be from 1 to \(RuleLimits.maxWithin) words")
                ok = false
            }
        }
        return ok ? composite : nil
    }

    private func decodeExamples(_ node: Node, into rule: inout RawRule, name: String, log: inout DiagnosticLog) {
        guard let fields = reader.fields(node, allowed: ["match", "no_match"], in: "'examples' of \(name)",
                                         what: "'examples' of \(name)", log: &log) else { return }
        for key in ["match", "no_match"] {
            guard let listNode = fields[key], let texts = reader.strings(listNode, "'examples.\(key)' of \(name)", log: &log) else { continue }
            if texts.count > limits.examplesPerRule {
                log.error(reader.location(listNode), "'examples.\(key)' of \(name) has \(texts.count) examples; the limit is \(limits.examplesPerRule); "
                    + "keep the ones that show distinct cases")
                continue
            }
            for text in texts {
                let bytes = text.value.utf8.count
                guard bytes <= limits.exampleBytes else {
                    log.error(text.location, "example of \(name) is \(bytes) bytes; the limit is \(limits.exampleBytes) bytes; shorten it to the words that matter")
                    continue
                }
                if key == "no_match" {
                    if text.value.unicodeScalars.contains(where: { $0 == ExampleParser.open || $0 == ExampleParser.close }) {
                        log.error(text.location, "'examples.no_match' of \(name) marks a span with '⟦' or '⟧'; "
                            + "a no_match example must not match at all; remove the markers")
                    } else {
                        rule.noMatchExamples.append(Example(text: text.value, spans: [], location: text.location))
                    }
                    continue
                }
                switch ExampleParser.parse(text.value) {
                case .success(let parsed):
                    rule.matchExamples.append(Example(text: parsed.text, spans: parsed.spans, location: text.location))
                case .failure(let error):
                    log.error(text.location, "'examples.match' of \(name): \(error.message)")
                }
            }
        }
    }
}
