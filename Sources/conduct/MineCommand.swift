import ArgumentParser
import ConductEvaluation
import ConductKit
import Foundation

/// `conduct mine WORDLIST…`: false-positive mining over lists of ordinary words.
struct Mine: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mine",
        abstract: "Run every rule over lists of ordinary words and report the collisions.",
        discussion: """
        A word list has one word or sentence per line (e.g. /usr/share/dict/american-english and
        /usr/share/dict/dutch from Debian's wamerican and wdutch). A collision is a line some rule
        hits other than by naming exactly that word. Collisions listed in --allow ('word rule.id
        # reason') are accepted. Prints 'rule<TAB>word<TAB>match' per unaccepted collision and exits
        with 1 when there is any.
        """
    )

    @Argument(help: ArgumentHelp("Word lists, one word or sentence per line.", valueName: "file"))
    var files: [String]

    @OptionGroup var ruleOptions: RuleOptions

    @Option(name: .long, help: ArgumentHelp("Accepted collisions: lines 'word rule.id  # reason'.", valueName: "file"))
    var allow: String?

    func run() throws {
        let classifier = try ruleOptions.classifier()
        var words: [String] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ValidationError("cannot read word list '\(file)'")
            }
            words += String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        }
        var allowed = Set<CollisionAllowlist.Entry>()
        if let allow {
            guard let data = FileManager.default.contents(atPath: allow) else {
                throw ValidationError("cannot read allowlist '\(allow)'")
            }
            do {
                allowed = try CollisionAllowlist(text: String(decoding: data, as: UTF8.self), path: allow).entries
            } catch {
                Terminal.standardError.write("\(error)\n")
                throw ExitStatus.usageOrRules.code
            }
        }
        let miner = CollisionMiner(rules: classifier.rules)
        let collisions = miner.mine(words: words)
        let open = collisions.filter { !allowed.contains(CollisionAllowlist.Entry(word: $0.word, rule: $0.rule)) }
        for collision in open { print(collision.description) }
        print("\(words.count) lines, \(collisions.count) collisions, \(collisions.count - open.count) accepted, \(open.count) open")
        if !open.isEmpty { throw ExitStatus.gateFailed.code }
    }
}
