// Lucene 8 with the Morfologik Polish analyser on the same corpora and queries as
// benchmarks/scale.sh, for issue 17's side-by-side numbers (benchmarks/lucene/run.sh).
//   java LuceneScale index ARTICLES.tsv INDEX_DIR
//   java LuceneScale query INDEX_DIR QUERIES.txt ROUNDS MODE   MODE: bare | snippets | facets | all
// The TSV (benchmarks/lucene/articles_tsv.py) holds id, title, summary, keywords, body,
// category, unit, kind, with tabs and newlines escaped. Query latency is reported for the
// rounds after a first, discarded, warm-up round (a warmed JVM), single-threaded.
import java.nio.file.*;
import java.io.*;
import java.util.*;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.morfologik.MorfologikAnalyzer;
import org.apache.lucene.document.*;
import org.apache.lucene.index.*;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.*;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

public class LuceneScale {
  static final String[] FIELDS = {"title", "summary", "keywords", "body"};
  static final String[] FACETS = {"category", "unit", "kind"};

  static String unescape(String s) {
    return s.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\");
  }

  static void index(String tsv, String dir) throws Exception {
    long start = System.nanoTime();
    IndexWriterConfig config = new IndexWriterConfig(new MorfologikAnalyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    config.setRAMBufferSizeMB(256);
    int n = 0;
    try (IndexWriter writer = new IndexWriter(FSDirectory.open(Paths.get(dir)), config);
         BufferedReader in = Files.newBufferedReader(Paths.get(tsv))) {
      for (String line; (line = in.readLine()) != null; ) {
        String[] f = line.split("\t", -1);
        Document doc = new Document();
        doc.add(new StringField("id", f[0], Field.Store.YES));
        for (int i = 0; i < FIELDS.length; ++i) {
          // The body is stored: the highlighter cuts snippets from it.
          doc.add(new TextField(FIELDS[i], unescape(f[i + 1]), i == 3 ? Field.Store.YES : Field.Store.NO));
        }
        for (int i = 0; i < FACETS.length; ++i) doc.add(new SortedDocValuesField(FACETS[i], new BytesRef(f[5 + i])));
        writer.addDocument(doc);
        ++n;
      }
      writer.commit();
    }
    double secs = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "indexed %d articles in %.1f s (%.0f articles/s)%n", n, secs, n / secs);
  }

  // Counts each facet's values over every match, as Wiedza's facet_depth=0 does: by
  // ordinal per segment, values resolved once per segment (as Lucene's own facet counters).
  static final class FacetCounter extends SimpleCollector {
    final Map<String, Map<String, Integer>> counts = new HashMap<>();
    final SortedDocValues[] values = new SortedDocValues[FACETS.length];
    final int[][] ords = new int[FACETS.length][];
    @Override protected void doSetNextReader(LeafReaderContext context) throws IOException {
      flush();
      for (int i = 0; i < FACETS.length; ++i) {
        values[i] = DocValues.getSorted(context.reader(), FACETS[i]);
        ords[i] = new int[values[i].getValueCount()];
      }
    }
    @Override public void collect(int doc) throws IOException {
      for (int i = 0; i < FACETS.length; ++i) {
        if (values[i].advanceExact(doc)) ++ords[i][values[i].ordValue()];
      }
    }
    void flush() throws IOException {
      for (int i = 0; i < FACETS.length; ++i) {
        if (ords[i] == null) continue;
        for (int o = 0; o < ords[i].length; ++o) {
          if (ords[i][o] > 0) {
            counts.computeIfAbsent(FACETS[i], k -> new HashMap<>()).merge(values[i].lookupOrd(o).utf8ToString(), ords[i][o], Integer::sum);
          }
        }
        ords[i] = null;
      }
    }
    @Override public ScoreMode scoreMode() { return ScoreMode.COMPLETE_NO_SCORES; }
  }

  static void query(String dir, String queriesFile, int rounds, String mode) throws Exception {
    List<String> queries = Files.readAllLines(Paths.get(queriesFile));
    boolean snippets = mode.equals("snippets") || mode.equals("all");
    boolean facets = mode.equals("facets") || mode.equals("all");
    Analyzer analyzer = new MorfologikAnalyzer();
    Map<String, Float> boosts = Map.of("title", 1.5f, "summary", 1f, "keywords", 2f, "body", 1f);
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Paths.get(dir)))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      UnifiedHighlighter highlighter = new UnifiedHighlighter(searcher, analyzer);
      List<Double> ms = new ArrayList<>();
      long sink = 0;
      for (int round = 0; round <= rounds; ++round) {
        for (String text : queries) {
          long t0 = System.nanoTime();
          MultiFieldQueryParser parser = new MultiFieldQueryParser(FIELDS, analyzer, boosts);
          parser.setDefaultOperator(QueryParser.Operator.OR);
          Query q = parser.parse(QueryParser.escape(text));
          TopScoreDocCollector top = TopScoreDocCollector.create(10, 11);
          FacetCounter counter = new FacetCounter();
          searcher.search(q, facets ? MultiCollector.wrap(top, counter) : top);
          TopDocs docs = top.topDocs();
          if (facets) counter.flush();
          if (snippets && docs.scoreDocs.length > 0) {
            String[] cut = highlighter.highlight("body", q, docs);
            sink += cut.length;
          }
          sink += docs.scoreDocs.length + counter.counts.size();
          if (round > 0) ms.add((System.nanoTime() - t0) / 1e6);
        }
      }
      Collections.sort(ms);
      System.out.printf(Locale.ROOT, "lucene %s latency ms: p50 %.2f p99 %.2f (%d searches, %d)%n", mode,
                        ms.get(ms.size() / 2), ms.get((int) (ms.size() * 0.99)), ms.size(), sink);
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("index")) {
      index(args[1], args[2]);
    } else if (args.length == 5 && args[0].equals("query")) {
      query(args[1], args[2], Integer.parseInt(args[3]), args[4]);
    } else {
      System.err.println("usage: LuceneScale index ARTICLES.tsv INDEX_DIR | query INDEX_DIR QUERIES.txt ROUNDS bare|snippets|facets|all");
      System.exit(2);
    }
  }
}
