import Yams

/// Decodes the YAML tree of one rule file into a `RawRuleFile`, reporting every schema problem.
///
///     var decoder = RuleFileDecoder(path: "Rules/selling.yaml", limits: .standard)
///     let file = decoder.decode(root, rulesBefore: 0, log: &log)
///
/// Cost: proportional to the nodes of the file.
struct RuleFileDecoder {
    static let fileKeys = ["category", "description", "guideline", "threshold", "lists", "rules"]
    /// `<category>.yaml`, or `<category>.<lang>.yaml` for one language's rules of a category
    /// (two lower-case letters), so a new language is a matter of adding files.
    static func isFileName(_ fileName: String, of category: String) -> Bool {
        if fileName == "\(category).yaml" { return true }
        guard fileName.hasPrefix("\(category).") && fileName.hasSuffix(".yaml") else { return false }
        let middle = fileName.dropFirst(category.count + 1).dropLast(5)
        return middle.count == 2 && middle.allSatisfy { $0 >= "a" && $0 <= "z" }
    }

    static let listsFileName = "lists.yaml"

    let reader: YAMLReader
    let fileName: String
    let limits: RuleLimits

    init(path: String, limits: RuleLimits) {
        reader = YAMLReader(path: path)
        fileName = String(path.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(path))
        self.limits = limits
    }

    static func isSnakeCase(_ text: String) -> Bool {
        let parts = text.split(separator: "_", omittingEmptySubsequences: false)
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        }
    }

    /// `rulesBefore`: rules decoded from earlier files, for the total limit.
    func decode(_ root: Node, rulesBefore: Int, log: inout DiagnosticLog) -> RawRuleFile? {
        var file = RawRuleFile(path: reader.path)
        let isCategoryFile: Bool
        if case .mapping(let mapping) = root, mapping["category"] == nil, fileName == Self.listsFileName {
            isCategoryFile = false
        } else {
            isCategoryFile = true
        }
        guard isCategoryFile else {
            guard let fields = reader.fields(root, allowed: ["lists"], in: Self.listsFileName,
                                             what: Self.listsFileName, log: &log) else { return nil }
            guard let lists = fields["lists"] else {
                log.error(reader.location(root), "\(Self.listsFileName) has no 'lists'; it holds only 'lists:' shared by every category")
                return nil
            }
            file.lists = decodeLists(lists, log: &log)
            return file
        }
        guard let fields = reader.fields(root, allowed: Self.fileKeys, in: "category file \(fileName)",
                                         what: "a category file", log: &log) else { return nil }
        for key in ["category", "description", "threshold", "rules"] where fields[key] == nil {
            log.error(reader.location(root), missingKeyMessage(key))
        }
        if let node = fields["category"], let name = reader.string(node, "'category'", log: &log) {
            if !Self.isSnakeCase(name.value) {
                log.error(name.location, "category name '\(name.value)' must be snake_case (lower-case letters, digits and '_', starting with a letter), e.g. 'unsolicited_dm'")
            } else if !RuleSet.standardCategories.contains(name.value),
                      let standard = Suggestion.closest(to: name.value, among: RuleSet.standardCategories) {
                log.error(name.location, "category '\(name.value)' is not a standard category; did you mean '\(standard)'? "
                    + "(a new category needs a name unlike the standard ones: \(RuleSet.standardCategories.joined(separator: ", ")))")
            } else if !Self.isFileName(fileName, of: name.value) {
                log.error(name.location, "category '\(name.value)' is in \(fileName); a category's file must be named \(name.value).yaml "
                    + "or \(name.value).<lang>.yaml (e.g. \(name.value).nl.yaml); rename the file or the category")
            }
            file.category = name
        }
        if let node = fields["description"], let text = reader.string(node, "'description' of the category", log: &log) {
            if text.value.trimmingWhitespace().isEmpty {
                log.error(text.location, "'description' of the category is empty; say in one line what the category catches")
            }
            file.description = text.value
        }
        if let node = fields["guideline"] {
            file.guideline = citation(node, owner: "the category", log: &log)
        }
        if let node = fields["threshold"], let thresholds = decodeThresholds(node, log: &log) {
            file.thresholds = thresholds
        }
        if let node = fields["lists"] {
            file.lists = decodeLists(node, log: &log)
        }
        if let node = fields["rules"] {
            file.rules = decodeRules(node, category: file.category?.value, rulesBefore: rulesBefore, log: &log)
        }
        return file
    }

    private func missingKeyMessage(_ key: String) -> String {
        switch key {
        case "category":
            return "missing key 'category'; a category file starts with 'category: <name>' and is named <name>.yaml "
                + "(only \(Self.listsFileName) holds lists without a category)"
        case "threshold": return "missing key 'threshold'; add e.g. 'threshold: { review: 0.5, remove: 0.85 }'"
        case "rules": return "missing key 'rules'; add 'rules:' with the category's rules (it may be an empty list, [])"
        default: return "missing key '\(key)' in the category file; add one line saying what the category catches"
        }
    }

    func citation(_ node: Node, owner: String, log: inout DiagnosticLog) -> Located<Citation>? {
        guard let text = reader.string(node, "'guideline' of \(owner)", log: &log) else { return nil }
        switch Citation.parse(text.value) {
        case .success(let citation):
            return Located(value: citation, location: text.location)
        case .failure(let error):
            log.error(text.location, error.message)
            return nil
        }
    }

    private func decodeThresholds(_ node: Node, log: inout DiagnosticLog) -> Thresholds? {
        guard let fields = reader.fields(node, allowed: ["review", "remove"], in: "'threshold'",
                                         what: "'threshold'", log: &log) else { return nil }
        var values: [String: Double] = [:]
        for key in ["review", "remove"] {
            guard let value = fields[key] else {
                log.error(reader.location(node), "missing key '\(key)' in 'threshold'; write e.g. 'threshold: { review: 0.5, remove: 0.85 }'")
                continue
            }
            values[key] = reader.number(value, "'threshold.\(key)'", log: &log)
        }
        guard let review = values["review"], let remove = values["remove"] else { return nil }
        guard review > 0, review <= remove, remove <= 1 else {
            log.error(reader.location(node), "thresholds must satisfy 0 < review ≤ remove ≤ 1; found review \(YAMLReader.format(review)), remove \(YAMLReader.format(remove)); "
                + "pick review in (0, 1] and remove between review and 1")
            return nil
        }
        return Thresholds(review: review, remove: remove)
    }

    private func decodeLists(_ node: Node, log: inout DiagnosticLog) -> [RawList] {
        guard case .mapping(let mapping) = node else {
            reader.mismatch(node, "'lists'", "a mapping of list names to lists of patterns", log: &log)
            return []
        }
        var lists: [RawList] = []
        for (key, value) in mapping {
            guard let name = reader.string(key, "a list name", log: &log) else { continue }
            guard Self.isSnakeCase(name.value) else {
                log.error(name.location, "list name '\(name.value)' must be snake_case (lower-case letters, digits and '_', starting with a letter)")
                continue
            }
            // A list reported here is still defined (as rejected), so that its uses are not
            // reported a second time as unknown lists.
            let rejected = RawList(name: name.value, location: name.location, items: [], rejected: true)
            guard let items = reader.strings(value, "list '\(name.value)'", log: &log) else {
                lists.append(rejected)
                continue
            }
            if items.isEmpty {
                log.error(name.location, "list '\(name.value)' is empty; give it at least one item or remove it")
                lists.append(rejected)
                continue
            }
            if items.count > limits.itemsPerList {
                log.error(name.location, "list '\(name.value)' has \(items.count) items; the limit is \(limits.itemsPerList); split it into several lists")
                lists.append(rejected)
                continue
            }
            lists.append(RawList(name: name.value, location: name.location, items: items))
        }
        return lists
    }

    private func decodeRules(_ node: Node, category: String?, rulesBefore: Int, log: inout DiagnosticLog) -> [RawRule] {
        guard case .sequence(let sequence) = node else {
            reader.mismatch(node, "'rules'", "a list of rules", log: &log)
            return []
        }
        var rules: [RawRule] = []
        for (n, item) in sequence.enumerated() {
            guard rulesBefore + n < limits.rules else {
                log.error(reader.location(item), "too many rules: this is rule \(rulesBefore + n + 1) of all files; "
                    + "the limit is \(limits.rules) rules; merge rules with the same meaning into one rule with several patterns")
                break
            }
            if let rule = decodeRule(item, category: category, log: &log) { rules.append(rule) }
        }
        return rules
    }
}
