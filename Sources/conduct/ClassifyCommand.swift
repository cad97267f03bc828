import ArgumentParser
import ConductIO
import ConductKit
import Foundation

/// `conduct classify [FILE…]`: one verdict per input line, in input order.
struct Classify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Classify posts: JSONL or text in, one JSON verdict per input line out.",
        // Paragraphs are single lines: the argument parser wraps them to the terminal.
        discussion: """
        Input: JSONL ({"id": …, "text": …, "lang": …}; other fields ignored) or plain text, one post \
        per line (id = line number in its file). Output: exactly one line per input line, in input \
        order; a line that cannot be read gets {"id":"<line number>","error":"…"}. Streams with \
        constant memory.

        When a post has a "lang" field, only the rules for that language (and rules for every \
        language) apply; --all-languages applies every rule to every post.

        Exit codes: 0 success; 1 a post reached --fail-on; 2 usage or rule errors, or an input file \
        that cannot be read; 3 some input lines were unreadable (every other line is still \
        processed; 3 wins over 1).
        """
    )

    @Argument(help: ArgumentHelp("Input files; none or '-' reads standard input.", valueName: "file"))
    var files: [String] = []

    @OptionGroup var ruleOptions: RuleOptions

    @Option(name: .long, help: "Worker threads (default: all cores).")
    var jobs: Int?

    @Option(name: .long, help: "Output format.")
    var format: OutputFormat = .jsonl

    @Option(name: .long, help: "Input format: auto detects JSONL when a file's first line starts with '{'.")
    var input: InputFormat = .auto

    @Flag(name: .long, help: "Write only posts with a label (and unreadable lines).")
    var onlyFlagged = false

    @Option(name: .long, help: "Exit with 1 when any post reaches this action.")
    var failOn: FailLevel?

    @Flag(name: .long, help: "Apply every rule to every post, ignoring the posts' \"lang\" fields.")
    var allLanguages = false

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case jsonl, text }
    enum InputFormat: String, ExpressibleByArgument, CaseIterable { case auto, jsonl, text }
    enum FailLevel: String, ExpressibleByArgument, CaseIterable {
        case review, remove
        var action: Action { self == .review ? .review : .remove }
    }

    func validate() throws {
        if let jobs, jobs < 1 || jobs > 512 {
            throw ValidationError("--jobs must be between 1 and 512, got \(jobs)")
        }
    }

    func run() throws {
        let jobs = self.jobs ?? min(512, ProcessInfo.processInfo.activeProcessorCount)
        if jobs > 1 {
            // The normalizer's scalar table (compiling needs it) is built on a second core
            // while this one loads the rules; loading parses the rule files on up to `jobs` threads,
            // and compiling builds the literal DFA beside the other tables.
            Thread.detachNewThread { Normalizer.prepare() }
        }
        let classifier = try ruleOptions.classifier(threads: jobs)
        let configuration = PostProcessor.Configuration(
            format: format, input: input, onlyFlagged: onlyFlagged, failOn: failOn?.action,
            useLanguage: !allLanguages)
        let sources = files.isEmpty ? ["-"] : files
        var readers: [(String, LineReader)] = []
        for source in sources {
            do {
                let reader = source == "-"
                    ? LineReader(fileDescriptor: 0)
                    : try LineReader(path: source)
                readers.append((source, reader))
            } catch {
                // Not a usage error: say which file, without the usage line.
                Terminal.standardError.write("conduct: cannot read '\(source)': \(error)\n")
                throw ExitStatus.usageOrRules.code
            }
        }
        let pipeline = OrderedPipeline(jobs: jobs, classifier: classifier, configuration: configuration,
                                       progress: Terminal.standardError.isTerminal ? Progress() : nil)
        let stats: PostProcessor.Stats
        do {
            stats = try pipeline.run(readers)
        } catch {
            Terminal.standardError.write("conduct: \(error)\n")
            throw ExitStatus.usageOrRules.code
        }
        if stats.unreadable > 0 {
            Terminal.standardError.write("conduct: \(stats.unreadable) of \(stats.lines) lines could not be read\n")
            throw ExitStatus.unreadableInput.code
        }
        if stats.reachedFailOn > 0 {
            throw ExitStatus.gateFailed.code
        }
    }
}
