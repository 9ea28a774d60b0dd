/* main.c - the chorus command: a thin client of libchorus.
 *
 * Every option is declared once, in the table below, with the commands it
 * applies to, its argument, default and help text; getopt_long's table and
 * the help output are both made from it. */
#define _POSIX_C_SOURCE 200809L /* isatty, fileno, clock_gettime */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "chorus.h"

/* Exit codes (also in README.md and chorus --help). */
enum {
    EXIT_DONE = 0,     /* output written; some inputs may have been skipped with a warning */
    EXIT_NO_INPUT = 1, /* no article could be read from the inputs given */
    EXIT_USAGE = 2,    /* bad command line */
    EXIT_OUTPUT = 3,   /* the output could not be written */
    EXIT_INTERNAL = 4, /* out of memory or another internal failure */
};

enum { CMD_BRIEF = 1, CMD_CLUSTER = 2, CMD_SUMMARIZE = 4, CMD_EXTRACT = 8, CMD_ALL = 15 };

enum {
    OPT_FORMAT = 'f',
    OPT_OUTPUT = 'o',
    OPT_SENTENCES = 'n',
    OPT_WORDS = 'w',
    OPT_THRESHOLD = 't',
    OPT_QUIET = 'q',
    OPT_HELP = 'h',
    OPT_VERSION = 'V',
    OPT_WINDOW = 256,
    OPT_THREADS,
    OPT_STREAM,
};

typedef struct {
    const char *name;
    int key;
    const char *arg; /* NULL: takes no argument */
    unsigned commands;
    const char *help;
} option_spec;

static const option_spec options[] = {
    {"format", OPT_FORMAT, "FMT", CMD_BRIEF | CMD_CLUSTER | CMD_EXTRACT, "output format: "},
    {"output", OPT_OUTPUT, "FILE", CMD_ALL, "write to FILE instead of standard output"},
    {"sentences", OPT_SENTENCES, "N", CMD_BRIEF | CMD_SUMMARIZE,
     "at most N sentences per summary (default 6)"},
    {"words", OPT_WORDS, "N", CMD_BRIEF | CMD_SUMMARIZE,
     "at most N words per summary, the last sentence cut there (default: no limit)"},
    {"threshold", OPT_THRESHOLD, "X", CMD_BRIEF | CMD_CLUSTER,
     "similarity in [0,1] an article needs to join a story (default 0.3)"},
    {"window", OPT_WINDOW, "DAYS", CMD_BRIEF | CMD_CLUSTER,
     "days over which the similarity of dated articles decays (default 4)"},
    {"stream", OPT_STREAM, NULL, CMD_BRIEF | CMD_CLUSTER,
     "write each story as soon as it is final and forget it, so that memory holds the "
     "open window rather than the input: articles are taken in the order of their day "
     "as they arrive (2 days of slack), stories numbered as written"},
    {"threads", OPT_THREADS, "N", CMD_ALL,
     "threads that read and analyse articles (default: one per processor); "
     "the output is the same for any N"},
    {"quiet", OPT_QUIET, NULL, CMD_ALL,
     "no warnings about repaired or skipped input, and no progress display"},
    {"help", OPT_HELP, NULL, CMD_ALL, "show this help and exit"},
    {"version", OPT_VERSION, NULL, CMD_ALL, "show the version and exit"},
};
#define OPTION_COUNT (sizeof options / sizeof options[0])

static const struct {
    const char *name;
    unsigned id;
    const char *usage;
    const char *summary;
    const char *formats; /* what --format takes, NULL where it takes nothing */
} commands[] = {
    {"brief", CMD_BRIEF, "chorus brief [OPTION]... PATH...",
     "Group articles into stories and write one cross-checked briefing per story.", "md or json (default md)"},
    {"cluster", CMD_CLUSTER, "chorus cluster [OPTION]... PATH...",
     "Write the grouping alone: story id, article, and the article it copies (or -).",
     "tsv or json (default tsv)"},
    {"summarize", CMD_SUMMARIZE, "chorus summarize [OPTION]... PATH...",
     "Take all inputs as one story and write its summary, one sentence a line.", NULL},
    {"extract", CMD_EXTRACT, "chorus extract [OPTION]... PATH...",
     "Write each article's main text and metadata, one JSON object a line.", "json or text (default json)"},
};

static const char inputs_help[] =
    "PATH is a text file (.txt or no extension: one article), a JSON Lines file\n"
    "(.jsonl: one article a line, with a \"text\" field and optional id, title,\n"
    "url, source, published, language), an HTML page (.html, .htm, or .html.gz),\n"
    "a WARC web archive (.warc, .warc.gz: one article per HTML response), a\n"
    "directory (read recursively) or - for standard input.\n";

static const char exit_help[] =
    "Exit status: 0 done (inputs that could not be read are reported and skipped),\n"
    "1 no article could be read, 2 bad command line, 3 output not written,\n"
    "4 internal error.\n";

static void print_main_help(FILE *f)
{
    fprintf(f, "Usage: chorus COMMAND [OPTION]... PATH...\n"
               "Turn a pile of news articles into stories with cross-checked briefings.\n\n"
               "Commands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\nOptions:\n  -h, --help     show this help and exit\n"
               "  -V, --version  show the version and exit\n\n"
               "Run 'chorus COMMAND --help' for the options of a command.\n\n%s\n%s",
            inputs_help, exit_help);
}

static void print_command_help(FILE *f, size_t cmd)
{
    fprintf(f, "Usage: %s\n%s\n\nOptions:\n", commands[cmd].usage, commands[cmd].summary);
    for (size_t i = 0; i < OPTION_COUNT; i++) {
        if (!(options[i].commands & commands[cmd].id))
            continue;
        char left[48];
        if (options[i].key < 256)
            snprintf(left, sizeof left, "-%c, --%s%s%s", options[i].key, options[i].name,
                     options[i].arg ? " " : "", options[i].arg ? options[i].arg : "");
        else
            snprintf(left, sizeof left, "    --%s%s%s", options[i].name, options[i].arg ? " " : "",
                     options[i].arg ? options[i].arg : "");
        /* The formats are the command's own. */
        fprintf(f, "  %-24s %s%s\n", left, options[i].help,
                options[i].key == OPT_FORMAT && commands[cmd].formats ? commands[cmd].formats : "");
    }
    fprintf(f, "\n%s\n%s", inputs_help, exit_help);
}

typedef struct {
    int quiet;
    int problems;        /* errors reported */
    int *progress_shown; /* a progress line is on the terminal: clear it first */
} diag_state;

/* Opens the output named on the command line (standard output for none
 * or "-"); 0 after reporting why it cannot be opened. */
static int open_output(const char *output, FILE **out)
{
    *out = stdout;
    if (!output || strcmp(output, "-") == 0)
        return 1;
    *out = fopen(output, "w");
    if (!*out) {
        fprintf(stderr, "chorus: cannot write %s: %s\n", output, strerror(errno));
        return 0;
    }
    return 1;
}

/* Ends a run: closes the output and frees the corpus; a failing close of
 * output that was written turns success into EXIT_OUTPUT. */
static int finish(chorus_corpus *corpus, FILE *out, int status)
{
    chorus_corpus_free(corpus);
    if (out != stdout && fclose(out) != 0 && status == EXIT_DONE) {
        fprintf(stderr, "chorus: cannot write the output: %s\n", strerror(errno));
        return EXIT_OUTPUT;
    }
    return status;
}

static void print_diag(void *userdata, int severity, const char *source, long line,
                       const char *message)
{
    diag_state *st = userdata;
    if (severity == CHORUS_DIAG_ERROR)
        st->problems++;
    if (st->quiet && severity == CHORUS_DIAG_WARNING)
        return;
    if (st->progress_shown && *st->progress_shown) {
        fputs("\r\033[K", stderr);
        *st->progress_shown = 0;
    }
    const char *kind = severity == CHORUS_DIAG_ERROR ? "error" : "warning";
    if (line > 0)
        fprintf(stderr, "chorus: %s:%ld: %s: %s\n", source, line, kind, message);
    else
        fprintf(stderr, "chorus: %s: %s: %s\n", source, kind, message);
}

/* The progress line on a terminal's standard error, redrawn at most a few
 * times a second. */
typedef struct {
    double start, last;
    int shown;
} progress_state;

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void show_progress(void *userdata, const char *stage, size_t articles, size_t stories)
{
    progress_state *p = userdata;
    double t = now_seconds();
    int done = strcmp(stage, "done") == 0;
    if (!done && t - p->last < 0.25 && strcmp(stage, "reading") == 0)
        return;
    p->last = t;
    double rate = t > p->start ? (double)articles / (t - p->start) : 0;
    fprintf(stderr, "\rchorus: %s: %zu articles", stage, articles);
    if (stories)
        fprintf(stderr, ", %zu stories", stories);
    fprintf(stderr, ", %.0f articles/s, %.1f s\033[K", rate, t - p->start);
    if (done)
        fputc('\n', stderr);
    fflush(stderr);
    p->shown = !done;
}

static int parse_count(const char *s, unsigned *out, const char *what)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || *end || end == s || v > 100000 || s[0] == '-') {
        fprintf(stderr, "chorus: invalid %s '%s': give a whole number\n", what, s);
        return -1;
    }
    *out = (unsigned)v;
    return 0;
}

static int parse_real(const char *s, double lo, double hi, double *out, const char *what)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || *end || end == s || !(v >= lo && v <= hi)) {
        fprintf(stderr, "chorus: invalid %s '%s': give a number from %g to %g\n", what, s, lo, hi);
        return -1;
    }
    *out = v;
    return 0;
}

static int usage_error(size_t cmd)
{
    fprintf(stderr, "Try 'chorus %s --help' for more information.\n", commands[cmd].name);
    return EXIT_USAGE;
}

static int run(size_t cmd, int argc, char **argv)
{
    struct option longopts[OPTION_COUNT + 1];
    char shortopts[2 * OPTION_COUNT + 1];
    size_t n = 0, sp = 0;
    for (size_t i = 0; i < OPTION_COUNT; i++) {
        if (!(options[i].commands & commands[cmd].id))
            continue;
        longopts[n].name = options[i].name;
        longopts[n].has_arg = options[i].arg ? required_argument : no_argument;
        longopts[n].flag = NULL;
        longopts[n].val = options[i].key;
        n++;
        if (options[i].key < 256) {
            shortopts[sp++] = (char)options[i].key;
            if (options[i].arg)
                shortopts[sp++] = ':';
        }
    }
    memset(&longopts[n], 0, sizeof longopts[n]);
    shortopts[sp] = '\0';

    chorus_options opts;
    chorus_options_init(&opts);
    const char *format = NULL, *output = NULL;
    int sentences_given = 0, stream = 0;
    diag_state diag = {0, 0, NULL};
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
        switch (c) {
        case OPT_FORMAT:
            format = optarg;
            break;
        case OPT_OUTPUT:
            output = optarg;
            break;
        case OPT_SENTENCES:
            if (parse_count(optarg, &opts.summary_sentences, "sentence count") ||
                opts.summary_sentences == 0) {
                if (opts.summary_sentences == 0)
                    fprintf(stderr, "chorus: --sentences must be at least 1\n");
                return usage_error(cmd);
            }
            sentences_given = 1;
            break;
        case OPT_WORDS:
            if (parse_count(optarg, &opts.summary_words, "word count"))
                return usage_error(cmd);
            break;
        case OPT_THRESHOLD:
            if (parse_real(optarg, 0, 1, &opts.cluster_threshold, "threshold"))
                return usage_error(cmd);
            break;
        case OPT_WINDOW:
            if (parse_real(optarg, 0.01, 36500, &opts.cluster_window_days, "window"))
                return usage_error(cmd);
            break;
        case OPT_THREADS:
            if (parse_count(optarg, &opts.threads, "thread count") || opts.threads == 0 ||
                opts.threads > 64) {
                if (opts.threads == 0 || opts.threads > 64)
                    fprintf(stderr, "chorus: --threads takes a number from 1 to 64\n");
                return usage_error(cmd);
            }
            break;
        case OPT_QUIET:
            diag.quiet = 1;
            break;
        case OPT_STREAM:
            stream = 1;
            break;
        case OPT_HELP:
            print_command_help(stdout, cmd);
            return EXIT_DONE;
        case OPT_VERSION:
            printf("chorus %s\n", chorus_version());
            return EXIT_DONE;
        default:
            return usage_error(cmd);
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "chorus %s: no input; give a file, a directory or - for standard input\n",
                commands[cmd].name);
        return usage_error(cmd);
    }
    chorus_format fmt;
    if (commands[cmd].id == CMD_BRIEF) {
        if (!format || strcmp(format, "md") == 0 || strcmp(format, "markdown") == 0)
            fmt = CHORUS_FORMAT_MARKDOWN;
        else if (strcmp(format, "json") == 0)
            fmt = CHORUS_FORMAT_JSON;
        else {
            fprintf(stderr, "chorus brief: unknown format '%s' (md or json)\n", format);
            return usage_error(cmd);
        }
    } else if (commands[cmd].id == CMD_CLUSTER) {
        opts.summary_sentences = 0; /* the grouping alone */
        opts.facts = 0;
        opts.compact = 1; /* so a million articles fit in memory */
        if (!format || strcmp(format, "tsv") == 0)
            fmt = CHORUS_FORMAT_TSV;
        else if (strcmp(format, "json") == 0)
            fmt = CHORUS_FORMAT_JSON;
        else {
            fprintf(stderr, "chorus cluster: unknown format '%s' (tsv or json)\n", format);
            return usage_error(cmd);
        }
    } else if (commands[cmd].id == CMD_EXTRACT) {
        opts.skip_stories = 1; /* the articles alone */
        opts.summary_sentences = 0;
        if (!format || strcmp(format, "json") == 0 || strcmp(format, "jsonl") == 0)
            fmt = CHORUS_FORMAT_JSON;
        else if (strcmp(format, "text") == 0)
            fmt = CHORUS_FORMAT_TEXT;
        else {
            fprintf(stderr, "chorus extract: unknown format '%s' (json or text)\n", format);
            return usage_error(cmd);
        }
    } else {
        fmt = CHORUS_FORMAT_TEXT;
        opts.one_story = 1;
        opts.facts = 0;
        /* With a word budget alone, the budget decides the length. */
        if (opts.summary_words && !sentences_given)
            opts.summary_sentences = 1000;
    }

    opts.diag = print_diag;
    opts.diag_userdata = &diag;
    progress_state progress = {now_seconds(), 0, 0};
    if (!diag.quiet && isatty(fileno(stderr))) {
        opts.progress = show_progress;
        opts.progress_userdata = &progress;
        diag.progress_shown = &progress.shown;
    }
    chorus_corpus *corpus;
    int rc = chorus_corpus_new(&corpus, &opts);
    if (rc) {
        fprintf(stderr, "chorus: %s\n", chorus_strerror(rc));
        return rc == CHORUS_ENOMEM ? EXIT_INTERNAL : EXIT_USAGE;
    }
    /* A stream writes while it reads: its output is opened first. */
    FILE *out = stdout;
    if (stream) {
        if (!open_output(output, &out)) {
            chorus_corpus_free(corpus);
            return EXIT_OUTPUT;
        }
        rc = commands[cmd].id == CMD_BRIEF ? chorus_corpus_stream_brief(corpus, out, fmt)
                                           : chorus_corpus_stream_clusters(corpus, out, fmt);
        if (rc) {
            fprintf(stderr, "chorus: %s\n", chorus_strerror(rc));
            return finish(corpus, out, rc == CHORUS_EIO ? EXIT_OUTPUT : EXIT_INTERNAL);
        }
    }
    for (int i = optind; i < argc; i++) {
        rc = chorus_corpus_add_path(corpus, argv[i]);
        if (rc == CHORUS_ENOMEM) {
            fprintf(stderr, "chorus: %s: %s\n", argv[i], chorus_strerror(rc));
            return finish(corpus, out, EXIT_INTERNAL);
        }
    }
    rc = chorus_corpus_analyze(corpus);
    if (rc == CHORUS_EEMPTY) {
        fprintf(stderr, "chorus: no article could be read from the input\n");
        return finish(corpus, out, EXIT_NO_INPUT);
    }
    if (rc == CHORUS_EIO) { /* only a stream writes while analysing */
        fprintf(stderr, "chorus: cannot write %s: %s\n", output ? output : "standard output",
                chorus_strerror(rc));
        return finish(corpus, out, EXIT_OUTPUT);
    }
    if (rc) {
        fprintf(stderr, "chorus: %s\n", chorus_strerror(rc));
        return finish(corpus, out, EXIT_INTERNAL);
    }
    if (stream)
        return finish(corpus, out, EXIT_DONE);

    if (!open_output(output, &out)) {
        chorus_corpus_free(corpus);
        return EXIT_OUTPUT;
    }
    if (commands[cmd].id == CMD_EXTRACT)
        rc = chorus_write_articles(corpus, out, fmt);
    else if (fmt == CHORUS_FORMAT_TEXT)
        rc = chorus_corpus_story_count(corpus) ? chorus_write_summary(corpus, out, 0) : 0;
    else if (commands[cmd].id == CMD_CLUSTER)
        rc = chorus_write_clusters(corpus, out, fmt);
    else
        rc = chorus_write_brief(corpus, out, fmt);
    if (out != stdout && fclose(out) != 0 && !rc)
        rc = CHORUS_EIO;
    chorus_corpus_free(corpus);
    if (rc) {
        fprintf(stderr, "chorus: cannot write %s: %s\n", output ? output : "standard output",
                chorus_strerror(rc));
        return rc == CHORUS_ENOMEM ? EXIT_INTERNAL : EXIT_OUTPUT;
    }
    return EXIT_DONE;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        print_main_help(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        print_main_help(stdout);
        return EXIT_DONE;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("chorus %s\n", chorus_version());
        return EXIT_DONE;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(cmd, commands[i].name) == 0)
            return run(i, argc - 1, argv + 1);
    fprintf(stderr, "chorus: unknown command '%s'\nTry 'chorus --help' for more information.\n", cmd);
    return EXIT_USAGE;
}
