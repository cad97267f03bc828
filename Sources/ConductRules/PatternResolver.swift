/// The lists visible from one place: a category's own lists, then the shared ones of lists.yaml.
/// Each list is resolved once; the result is shared by every reference.
final class ListScope {
    enum State {
        case pending
        case resolving
        case resolved(alternatives: [[PatternElement]], words: Int, depth: Int, deepest: String?)
        case failed
    }

    struct Entry {
        var list: RawList
        var state: State = .pending
    }

    let parent: ListScope?
    var entries: [String: Entry] = [:]
    /// Definition order, for deterministic diagnostics.
    var order: [String] = []

    init(parent: ListScope?) { self.parent = parent }

    /// The scope that defines `name`, own lists first.
    func owner(of name: String) -> ListScope? {
        entries[name] != nil ? self : parent?.owner(of: name)
    }

    var visibleNames: [String] { order + (parent?.visibleNames ?? []) }
}

/// Turns pattern text into `Pattern`s, resolving `<list>` references into groups of the
/// list's items. Lists may refer to lists; cycles and nesting beyond `RuleLimits.listDepth`
/// are reported.
///
///     let resolver = PatternResolver(limits: .standard)
///     resolver.resolveAll(scope, log: &log)
///     let pattern = resolver.pattern(text, scope: scope, owner: "rule 'selling.x'", log: &log)
///
/// Cost: each list item is parsed and resolved once; the call stack is bounded by
/// `listDepth × groupDepth`.
final class PatternResolver {
    let limits: RuleLimits
    /// The lists being resolved, outermost first.
    private var chain: [String] = []

    init(limits: RuleLimits) { self.limits = limits }

    /// A resolved pattern and its literal words (every list counted with all its words).
    func pattern(_ text: Located<String>, scope: ListScope, owner: String, log: inout DiagnosticLog) -> (Pattern, words: Int)? {
        switch PatternParser.parse(text.value, limits: limits) {
        case .failure(let error):
            log.error(text.location, "pattern \"\(text.value)\" of \(owner): \(error.message)")
            return nil
        case .success(let syntax):
            let context = "pattern \"\(text.value)\" of \(owner): "
            guard let (elements, words, _) = self.elements(syntax, scope: scope, at: text.location, context: context, log: &log) else {
                return nil
            }
            return (Pattern(source: text.value, elements: elements, location: text.location), words)
        }
    }

    /// Resolves every list the scope defines, so errors in unused lists are reported too.
    func resolveAll(_ scope: ListScope, log: inout DiagnosticLog) {
        for name in scope.order {
            _ = resolve(name, from: scope, at: scope.entries[name]!.list.location, context: "", log: &log)
        }
    }

    /// `context` prefixes errors reported at `location` (which pattern or list item they are in).
    private func elements(_ syntax: [PatternSyntax], scope: ListScope, at location: SourceLocation, context: String,
                          log: inout DiagnosticLog) -> ([PatternElement], words: Int, depth: Int)? {
        var result: [PatternElement] = []
        result.reserveCapacity(syntax.count)
        var words = 0
        var depth = 0
        var ok = true
        for element in syntax {
            switch element {
            case let .word(text, anchoring):
                result.append(.word(text, anchoring))
                words = Self.add(words, 1)
            case let .gap(max):
                result.append(.gap(max: max))
            case let .detector(kind):
                result.append(.detector(kind))
            case let .group(alternatives, optional):
                var resolved: [[PatternElement]] = []
                resolved.reserveCapacity(alternatives.count)
                for alternative in alternatives {
                    guard let (inner, innerWords, innerDepth) = elements(alternative, scope: scope, at: location, context: context, log: &log) else {
                        ok = false
                        continue
                    }
                    resolved.append(inner)
                    words = Self.add(words, innerWords)
                    depth = max(depth, innerDepth)
                }
                result.append(.group(resolved, optional: optional))
            case let .list(name):
                guard let (alternatives, listWords, listDepth) = resolve(name, from: scope, at: location, context: context, log: &log) else {
                    ok = false
                    continue
                }
                result.append(.group(alternatives, optional: false))
                words = Self.add(words, listWords)
                depth = max(depth, listDepth)
            }
        }
        return ok ? (result, words, depth) : nil
    }

    private func resolve(_ name: String, from scope: ListScope, at location: SourceLocation, context: String,
                         log: inout DiagnosticLog) -> ([[PatternElement]], words: Int, depth: Int)? {
        guard let owner = scope.owner(of: name), let entry = owner.entries[name] else {
            log.error(location, context + "unknown list '<\(name)>'" + Suggestion.phrase(for: name, among: scope.visibleNames, wrap: { "'<\($0)>'" })
                + "; define it under 'lists:' in this file or in \(RuleFileDecoder.listsFileName)"
                + (scope.parent == nil ? " (lists in \(RuleFileDecoder.listsFileName) can use only lists defined there)" : ""))
            return nil
        }
        switch entry.state {
        case let .resolved(alternatives, words, depth, _):
            return (alternatives, words, depth)
        case .failed:
            return nil
        case .resolving:
            let cycle = chain[(chain.firstIndex(of: name) ?? 0)...] + [name]
            log.error(location, context + "list '<\(name)>' refers to itself: \(cycle.map { "<\($0)>" }.joined(separator: " → ")); remove one of these references")
            return nil
        case .pending:
            break
        }
        guard chain.count < limits.listDepth else {
            let path = (chain + [name]).map { "<\($0)>" }.joined(separator: " → ")
            log.error(location, context + "lists nest more than \(limits.listDepth) deep: \(path); the limit is \(limits.listDepth); flatten some of these lists")
            return nil
        }
        owner.entries[name]!.state = .resolving
        chain.append(name)
        var alternatives: [[PatternElement]] = []
        alternatives.reserveCapacity(entry.list.items.count)
        var words = 0
        var childDepth = 0
        var deepest: String?
        var ok = true
        for item in entry.list.items {
            switch PatternParser.parse(item.value, limits: limits) {
            case .failure(let error):
                log.error(item.location, "item \"\(item.value)\" of list '<\(name)>': \(error.message)")
                ok = false
            case .success(let syntax):
                guard let (elements, itemWords, itemDepth) = self.elements(syntax, scope: owner, at: item.location,
                                                                                    context: "item \"\(item.value)\" of list '<\(name)>': ", log: &log) else {
                    ok = false
                    continue
                }
                alternatives.append(elements)
                words = Self.add(words, itemWords)
                if itemDepth > childDepth {
                    childDepth = itemDepth
                    deepest = Self.firstList(in: syntax, deeperThan: itemDepth - 1, scope: owner)
                }
            }
        }
        chain.removeLast()
        let depth = childDepth + 1
        if ok, depth > limits.listDepth {
            var path = ["<\(name)>"]
            var next = deepest
            var scopeOfNext = owner
            while let current = next, let definer = scopeOfNext.owner(of: current),
                  case let .resolved(_, _, _, child)? = definer.entries[current]?.state {
                path.append("<\(current)>")
                next = child
                scopeOfNext = definer
            }
            log.error(entry.list.location, "lists nest more than \(limits.listDepth) deep: \(path.joined(separator: " → ")); "
                + "the limit is \(limits.listDepth); flatten some of these lists")
            ok = false
        }
        owner.entries[name]!.state = ok ? .resolved(alternatives: alternatives, words: words, depth: depth, deepest: deepest) : .failed
        return ok ? (alternatives, words, depth) : nil
    }

    /// The first list referenced in `syntax` (at any group depth) whose depth exceeds `depth`.
    private static func firstList(in syntax: [PatternSyntax], deeperThan depth: Int, scope: ListScope) -> String? {
        for element in syntax {
            switch element {
            case .list(let name):
                if let owner = scope.owner(of: name), case let .resolved(_, _, d, _)? = owner.entries[name]?.state, d > depth {
                    return name
                }
            case .group(let alternatives, _):
                for alternative in alternatives {
                    if let found = firstList(in: alternative, deeperThan: depth, scope: scope) { return found }
                }
            default:
                break
            }
        }
        return nil
    }

    /// Saturating addition: word counts of nested lists can exceed any integer.
    static func add(_ a: Int, _ b: Int) -> Int { a > Int.max - b ? Int.max : a + b }
}
