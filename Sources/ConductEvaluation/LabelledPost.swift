import Foundation

/// Identifies a labelled post across runs: the name of its corpus file and its `id`.
///
///     let key = PostKey(source: "harassment.jsonl", id: "h-12")
///     key.description   // "harassment.jsonl#h-12"
///
/// Baseline comparisons match posts by this key, so a post keeps its identity when lines
/// are inserted above it or the corpus is read from another directory.
public struct PostKey: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The corpus file name, without its directory.
    public var source: String
    /// The post's `id` in its file.
    public var id: String

    /// The key of post `id` in file `source`.
    public init(source: String, id: String) {
        self.source = source
        self.id = id
    }

    /// By source, then id (plain string order).
    public static func < (a: Self, b: Self) -> Bool { (a.source, a.id) < (b.source, b.id) }
    /// `source#id`.
    public var description: String { "\(source)#\(id)" }
}

/// One post of a labelled corpus, as read from a line of JSONL.
///
///     let posts = try LabelledCorpus.load(files: [URL(fileURLWithPath: "Corpus")])
///     posts[0].labels    // ["harassment"]: gold categories, sorted, no duplicates
///     posts[0].key       // PostKey(source: "harassment.jsonl", id: "h-1")
///
/// The corpus line shape is `{"id", "text", "lang", "labels"}` plus optional
/// `"ambiguous": true` and `"functionality"` (HateCheck suites); other fields are ignored.
public struct LabelledPost: Hashable, Sendable {
    /// The corpus `id`; an integer id is kept as its decimal text.
    public var id: String
    /// The post exactly as in the corpus.
    public var text: String
    /// Language code as written in the corpus (`en`, `nl`, …).
    public var lang: String
    /// Gold categories, sorted and without duplicates; empty for a clean post.
    public var labels: [String]
    /// True when mapping the source's own label onto the categories is uncertain; such posts
    /// are left out of an evaluation unless it includes ambiguous posts.
    public var ambiguous: Bool
    /// The HateCheck functional test the post belongs to, if any.
    public var functionality: String?
    /// The corpus file name, without its directory.
    public var source: String
    /// 1-based line number in `source`.
    public var line: Int

    /// Creates a post; `labels` are sorted and deduplicated.
    public init(
        id: String, text: String, lang: String, labels: [String], ambiguous: Bool = false,
        functionality: String? = nil, source: String, line: Int
    ) {
        self.id = id
        self.text = text
        self.lang = lang
        self.labels = Array(Set(labels)).sorted()
        self.ambiguous = ambiguous
        self.functionality = functionality
        self.source = source
        self.line = line
    }

    /// The post's identity across runs.
    public var key: PostKey { PostKey(source: source, id: id) }
}
