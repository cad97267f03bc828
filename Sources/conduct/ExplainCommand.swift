import ArgumentParser
import ConductKit
import Foundation

/// `conduct explain TEXT | -`: why a post gets its verdict, for a person.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain the verdict on one post: hits, guidelines, scores and near misses.",
        discussion: "Reads the post from the argument, or from standard input when it is '-' or absent."
    )

    @Argument(help: ArgumentHelp("The post; '-' or nothing reads standard input.", valueName: "text"))
    var text: String?

    @OptionGroup var ruleOptions: RuleOptions

    @Option(name: .long, help: "Language of the post (ISO 639-1, e.g. en, nl); default: apply every rule.")
    var lang: String?

    @Option(name: .long, help: "Highlight hits with colour: auto (on a terminal), always or never.")
    var color: ColorChoice = .auto

    enum ColorChoice: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

    func run() throws {
        let post: String
        if let text, text != "-" {
            post = text
        } else {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            var read = String(decoding: data, as: UTF8.self)
            if read.hasSuffix("\n") { read.removeLast() }
            post = read
        }
        let classifier = try ruleOptions.classifier()
        let explanation = classifier.rules.explain(post, language: lang)
        let useColor = color == .always || (color == .auto && Terminal.standardOutput.isTerminal)
        print(ExplanationRenderer(explanation: explanation, color: useColor).render(), terminator: "")
    }
}

/// Renders an ``Explanation`` as text for a person.
struct ExplanationRenderer {
    let explanation: Explanation
    let color: Bool

    func render() -> String {
        var out = ""
        let verdict = explanation.verdict
        out += "post:       \(highlighted())\n"
        out += "normalized: \(explanation.normalized)\n"
        let labels = verdict.labels.isEmpty ? "none" : verdict.labels.joined(separator: ", ")
        out += "verdict:    \(verdict.action.rawValue) (labels: \(labels))\n"

        let scored = explanation.hits.filter(\.scored)
        let components = explanation.hits.filter { !$0.scored }
        out += "\nhits:\n"
        if scored.isEmpty { out += "  none\n" }
        for hit in scored { out += describe(hit) }
        if !components.isEmpty {
            out += "\ncomponents (score only through composites):\n"
            for hit in components { out += describe(hit) }
        }
        out += "\nnear misses:\n"
        if explanation.nearMisses.isEmpty { out += "  none\n" }
        for miss in explanation.nearMisses {
            out += "  \(miss.rule) (\(miss.category), weight \(Self.number(miss.weight))): '\(miss.match)' at \(miss.span)\n"
            out += "    \(miss.reason)\n"
        }
        out += "\nscores:\n"
        let width = explanation.categories.map(\.category.count).max() ?? 0
        for category in explanation.categories {
            let name = category.category.padding(toLength: width, withPad: " ", startingAt: 0)
            let outcome = category.score + 1e-9 >= category.thresholds.remove ? "remove"
                : category.score + 1e-9 >= category.thresholds.review ? "review" : "allow"
            out += "  \(name)  \(Self.fixed(category.score))  (review at \(Self.fixed(category.thresholds.review)), "
                + "remove at \(Self.fixed(category.thresholds.remove)))  \(outcome)\n"
        }
        return out
    }

    private func describe(_ hit: ExplainedHit) -> String {
        var out = "  \(hit.hit.rule) (\(hit.hit.category), weight \(Self.number(hit.hit.weight))): "
        out += "'\(hit.hit.match)' at \(hit.hit.span), matched as '\(hit.normalized)'\n"
        out += "    \(hit.description)\n"
        out += "    guideline: \(hit.guideline)\n"
        return out
    }

    /// The post with every hit span marked: ANSI bold red on a terminal, ⟦brackets⟧ otherwise.
    func highlighted() -> String {
        let bytes = Array(explanation.text.utf8)
        var spans = explanation.hits.filter(\.scored).map { $0.hit.span.range }.sorted { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for span in spans {
            if let last = merged.last, span.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, span.upperBound)
            } else {
                merged.append(span)
            }
        }
        spans = merged
        let open = color ? "\u{1B}[1;31m" : "⟦"
        let close = color ? "\u{1B}[0m" : "⟧"
        var out = ""
        var cursor = 0
        for span in spans {
            out += String(decoding: bytes[cursor..<span.lowerBound], as: UTF8.self)
            out += open + String(decoding: bytes[span], as: UTF8.self) + close
            cursor = span.upperBound
        }
        out += String(decoding: bytes[cursor...], as: UTF8.self)
        return out
    }

    static func fixed(_ value: Double) -> String { String(format: "%.2f", value) }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%g", value)
    }
}
