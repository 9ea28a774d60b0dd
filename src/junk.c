/* junk.c - telling web junk (prompts, labels, captions, link lists) from article text.
 *
 * Text extractors leave the furniture of a web page around the article:
 * section labels above the headline, share and comment prompts, "Related"
 * link lists and copyright lines below it, photo captions in between. No
 * single rule finds all of it, so each block is judged on several general
 * signals: where it stands relative to the article's real paragraphs, its
 * length and punctuation, whether it repeats (within the article or across
 * the corpus) and whether its wording is that of a link or prompt. The
 * wording patterns cover the languages chorus reads most; the other signals
 * work in any language. */
#define _GNU_SOURCE /* qsort_r */
#include "junk.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#define XXH_STATIC_LINKING_ONLY /* for XXH3_state_t on the stack */
#include <xxhash.h>

#include "chorus.h"
#include "dates.h"
#include "text.h"
#include "util.h"

/* A paragraph of at least this many words that ends like a sentence is
 * article text; junk lies before the first and after the last of them. */
#define BODY_MIN_WORDS 15
/* Prompts and labels are short; longer blocks are judged as prose. */
#define PROMPT_MAX_WORDS 15
/* Longest placeholder: a shortcode with its arguments, or a few template fields. */
#define PLACEHOLDER_MAX_WORDS 12
/* Before the first or after the last real paragraph, prompts run longer
 * ("Sign up for our daily newsletter and get the top stories ..."). */
#define EDGE_PROMPT_MAX_WORDS 40
/* Cookie banners run longer: what is stored, why, and how to withdraw. */
#define COOKIE_NOTICE_MAX_WORDS 90
/* A block holding several distinct prompts is furniture at any place. */
#define MULTI_PROMPT_MAX_WORDS 60
#define CONTACT_MAX_WORDS 40
#define SOCIAL_MAX_WORDS 10
#define LABEL_MAX_WORDS 8
#define CAPTION_MAX_WORDS 60
#define TRAILING_MAX_WORDS 10
/* An affiliate disclosure is this short and stands in the first quarter of
 * the article or after its last paragraph. */
#define DISCLOSURE_MAX_WORDS 45
#define DISCLOSURE_POSITION 0.25
/* A reading time after a date ("May 3, 2024 · 8 min read") is this short. */
#define READ_TIME_AFTER_WORDS 4
/* A line giving the reading time ("Jane Doe | 5 min read") is this short. */
#define READ_TIME_MAX_WORDS 12
/* A disclaimer is at most this long, and stands after this share of the text. */
#define DISCLAIMER_MAX_WORDS 160
#define DISCLAIMER_POSITION 0.8
/* Most words in a line of credits ("Reviewed by …, MD — Written by …"). */
#define CREDIT_MAX_WORDS 30
/* Most words in a photographer's credit alone ("Jane Doe/Getty Images"). */
#define CREDIT_ALONE_MAX_WORDS 6
#define LIST_ENTRY_MAX_WORDS 25
/* Longest labelled link to another story: a label and a headline. */
#define TEASER_MAX_WORDS 20
#define BOILERPLATE_MAX_WORDS 12
/* Most words in a copyright notice that names the outlet. */
#define COPYRIGHT_MAX_WORDS 40
/* Blocks under a standfirst read as the head's (a date line, a byline). */
#define UNDER_LEAD_BLOCKS 3
/* A short line in this many articles is site furniture... */
#define BOILERPLATE_MIN_ARTICLES 3
/* ... and from this many, even when it ends like a sentence. */
#define BOILERPLATE_SURE_ARTICLES 5

/* ---------------------------------------------------------------------- */
/* Patterns                                                               */
/* ---------------------------------------------------------------------- */

/* Prompt wording: what a page says to its reader, not what a story says. */
#define PROMPT_WORDS \
    "(?:comment\\s+list|leave\\s+a\\s+(?:reply|comment)|post\\s+a\\s+comment" \
    "|add\\s+(?:a\\s+|your\\s+)?comment|write\\s+a\\s+comment" \
    "|(?:show|view|load|see|read)\\s+(?:all\\s+)?(?:\\d+\\s+)?comments" \
    "|comments?\\s*\\(\\d+\\)|\\d+\\s+comments?\\b|no\\s+comments\\s+yet|(?<=^|\\d|\\d\\W|\\d\\W\\W)no\\s+comments\\W*$" \
    "|join\\s+the\\s+(?:conversation|discussion)" \
    "|your\\s+e-?mail(?:\\s+address)?\\s+will\\s+not\\s+be\\s+published" \
    "|required\\s+fields\\s+are\\s+marked" \
    "|(?:log|sign)\\s+in\\s+to\\s+(?:comment|reply)|(?:log|sign)\\s+in\\s+(?:using|with)\\s+your\\b" \
    "|share\\s+(?:this|the)\\s+(?:article|story|post|page|video)|share\\s+on\\s+\\w+" \
    "|share\\s+via|click\\s+to\\s+share|email\\s+this\\s+(?:article|story)" \
    "|follow\\s+us|like\\s+us\\s+on|join\\s+us\\s+on|find\\s+us\\s+on" \
    "|subscribe\\s+(?:to|now|for|today)|sign\\s+up\\s+(?:for|to|now|here)" \
    "|download\\s+(?:our|the)\\s+app|get\\s+the\\s+app" \
    "|read\\s+more|read\\s+also|also\\s+read|see\\s+also|read\\s+next|more\\s+from" \
    "|more\\s+stories|more\\s+on\\s+this|related\\s+(?:articles?|stories|news|coverage" \
    "|content|posts|reading|topics|links)|latest\\s+(?:stories|news|articles|headlines|videos)" \
    "|top\\s+stories|most\\s+(?:read|popular|viewed|shared)|trending\\s+now" \
    "|recommended\\s+for\\s+you|you\\s+(?:may|might)\\s+also\\s+like" \
    "|don['\\x{2019}]t\\s+miss|editor['\\x{2019}]s\\s+picks" \
    "|click\\s+here|tap\\s+here|skip\\s+to\\s+(?:main\\s+)?content|back\\s+to\\s+top" \
    "|privacy\\s+policy|terms\\s+of\\s+(?:use|service)|cookie\\s+(?:policy|settings)" \
    "|sponsored\\s+content|donate\\s+(?:now|today|here|via|to\\s+(?:us|our))" \
    "|become\\s+a\\s+(?:patron|supporter|paying\\s+member)|support\\s+(?:us|our\\s+(?:work|journalism|reporting))\\b" \
    "|(?:enjoyed|like[ds]?)\\s+this\\s+(?:piece|article|story|post)\\?|we\\s+need\\s+your\\s+(?:help|support)" \
    "|rate\\s+this\\s+(?:article|post|story|page|recipe|guide)|delivered\\s+(?:right\\s+|straight\\s+)?to\\s+your\\s+inbox" \
    "|\\b(?:get|receive)\\b[^.!?]{0,40}\\bin\\s+your\\s+inbox\\b" \
    "|share\\s+your\\s+feedback|listen\\s+to\\s+(?:this|the)\\s+(?:article|story|audio\\s+version|podcast\\s+episode)" \
    "|summari[sz]e\\s+this\\s+(?:article|page|post)|(?:also\\s+)?available\\s+in\\s+(?:the\\s+)?following\\s+languages" \
    "|this\\s+article\\s+is\\s+more\\s+than\\s+\\w+\\s+(?:days?|weeks?|months?|years?)\\s+old" \
    "|reload\\s+to\\s+refresh\\s+your\\s+session" \
    "|this\\s+field\\s+is\\s+(?:for\\s+validation\\s+purposes|hidden\\s+when\\s+viewing\\s+the\\s+form)" \
    "|please\\s+fill\\s+(?:in\\s+|out\\s+)?(?:all\\s+)?(?:the\\s+)?required\\s+fields|please\\s+(?:sign|log)\\s+in\\b" \
    "|by\\s+(?:posting\\s+a\\s+comment|submitting\\s+(?:this|the|your)\\s+(?:form|comment|information))" \
    "|you\\s+can['\\x{2019}]?t\\s+perform\\s+that\\s+action\\s+at\\s+this\\s+time" \
    "|the\\s+post\\s+.{1,200}?\\s+appeared\\s+first\\s+on\\b|this\\s+post\\s+first\\s+appeared\\s+on\\b" \
    "|pin\\s+(?:it|this(?:\\s+post)?)\\s+for\\s+later" \
    "|thanks?\\s+(?:you\\s+)?for\\s+(?:signing\\s+up|subscribing)|this\\s+(?:story|article|post)\\s+has\\s+been\\s+updated" \
    "|our\\s+standards\\s*:\\s*the\\s+thomson\\s+reuters\\s+trust\\s+principles" \
    "|did\\s+you\\s+find\\s+(?:this|the)\\s+(?:article|post|page|guide)\\s+(?:helpful|useful)" \
    "|we\\s+are\\s+sorry\\s+that\\s+this\\s+(?:post|article|page)\\s+was\\s+not\\s+useful" \
    "|no\\s+credit\\s+card\\s+(?:required|needed)|start\\s+(?:your\\s+|a\\s+)?free\\s+trial|get\\s+started\\s+(?:today|now|for\\s+free)" \
    "|contact\\s+us\\s+today|connect\\s+with\\s+us" \
    "|click\\s+on\\s+a\\s+star\\s+to\\s+rate|average\\s+rating\\s+[\\d.]+\\s*/\\s*\\d|vote\\s+count" \
    "|how\\s+useful\\s+was\\s+this\\s+(?:post|article|page)|improve\\s+this\\s+(?:post|article|page)" \
    "|found\\s+this\\s+(?:article|post|page)\\s+(?:helpful|useful)|we\\s+have\\s+a\\s+small\\s+favou?r\\s+to\\s+ask" \
    "|republish\\s+(?:our|this)\\s+(?:articles?|stor(?:y|ies))|learn\\s+more\\s+about\\s+our\\s+editorial\\s+process" \
    "|(?:was|is)\\s+this\\s+(?:article|page|post|guide|answer|information|story)" \
    "\\s+(?:helpful|useful)" \
    /* German, French, Spanish, Italian, Portuguese, Dutch, Russian */ \
    "|weiterlesen|mehr\\s+zum\\s+thema|kommentare|teilen\\s+sie|folgen\\s+sie\\s+uns" \
    "|jetzt\\s+abonnieren|lire\\s+aussi|lire\\s+la\\s+suite|à\\s+lire\\s+aussi" \
    "|suivez[- ]nous|partager\\s+(?:cet|sur)|commentaires|abonnez-vous" \
    "|leer\\s+más|lee\\s+también|síguenos|compartir\\s+en|comentarios|suscríbete" \
    "|leggi\\s+anche|seguici|condividi|commenti|iscriviti" \
    "|leia\\s+também|siga-nos|compartilhe|comentários|assine" \
    "|lees\\s+ook|volg\\s+ons|reacties" \
    "|читайте\\s+также|подписывайтесь|поделиться|комментари|материалы\\s+по\\s+теме" \
    "|lesen\\s+sie\\s+auch|das\\s+könnte\\s+sie\\s+auch\\s+interessieren|sur\\s+le\\s+même\\s+sujet" \
    "|te\\s+puede\\s+interesar|noticias\\s+relacionadas|potrebbe\\s+interessarti|articoli\\s+correlati" \
    /* Polish, Turkish, Swedish, Indonesian, Arabic */ \
    "|czytaj\\s+(?:także|też|więcej)|zobacz\\s+(?:także|też|również)|przeczytaj\\s+(?:także|też)|udostępnij\\b" \
    "|ilginizi\\s+çekebilir|ilgili\\s+haberler|läs\\s+(?:också|även|mer)\\b|baca\\s+juga|berita\\s+terkait" \
    "|اقرأ\\s+(?:أيضا|أيضاً|ايضا)|(?:أخبار|مواضيع|مقالات)\\s+ذات\\s+صلة" \
    /* Chinese and Japanese: share to, scan the QR code, follow us, read on */ \
    "|分享到|扫一扫|扫描二维码|关注我们|阅读全文|点击查看|相关阅读|相关新闻|推荐阅读|延伸阅读" \
    "|関連記事|続きを読む|この記事をシェア)"
static const char PROMPT_PATTERN[] = "\\b" PROMPT_WORDS;

/* Whole-line prompts: one of these words alone (with a count or a colon) is
 * a widget label, though the word may also appear in prose. */
static const char WIDGET_PATTERN[] =
    "^\\W*(?:advertisement|advertising|anzeige|publicité|publicidad|pubblicità|ad|реклама|reklama|reklam"
    "|annons|annonse|iklan|إعلان"
    "|related|trending|comments?|share|print|e-?mail|tweet|tags?|topics?|loading"
    "|(?:next|previous)(?:\\s+(?:article|post|story|page))?|share\\s+(?:this|it)|menu|search|home|subscribe|newsletter"
    "|sponsored|watch|video"
    "|listen|photos?|gallery|close|print\\s+this\\s+(?:page|article|story|post)"
    "|(?:link\\s+)?copied|view\\s+all|(?:our\\s+)?rating|shares|share\\s+with|read\\s+later"
    "|(?:article|story)\\s+continues\\s+(?:below|after)(?:\\s+(?:this\\s+)?(?:ad|advertisement))?|tell\\s+us\\s+why|you\\s+(?:may|might)\\s+(?:also\\s+)?like"
    "|(?:posted|published|written)\\s+(?:on|by|in)|(?:last\\s+)?updated(?:\\s+on)?"
    "|(?:table\\s+of\\s+contents?|contents)(?:\\s+(?:hide|show|toggle))?|on\\s+this\\s+page|jump\\s+to(?:\\s+section)?)"
    "\\b[\\W\\d]*$";

/* What a page shows until its scripts fill it in: a loading notice ("Loading
 * posts…"), a template's placeholders ("{{ number }}"), a content system's
 * shortcode left unexpanded ("[cta_module]"). */
static const char PLACEHOLDER_PATTERN[] =
    "^\\W*(?:loading(?:\\s+\\S+){1,8}?\\s*(?:\\.{2,}|…)|(?:\\{\\{[^{}]{0,60}\\}\\}\\W*)+"
    "|\\[[a-z]+(?:_[a-z]+)+(?:\\s[^\\]]{0,60})?\\])\\W*$";

/* Credits above or below an article: "Written by Jane Doe", "Medically
 * reviewed by Jane Doe, MD — Written by John Roe", "Edited By: Jane Doe",
 * "Contributions from: Jane Doe" and a wire report's "Reporting by Jane
 * Doe; Editing by John Roe". */
static const char CREDIT_PATTERN[] =
    "^\\W*(?:(?:medically|fact[- ]?|expert|clinically)\\s+)?(?:reviewed|checked|written|edited|reported"
    "|illustrated|photographed|compiled|researched|(?:additional\\s+)?(?:reporting|writing|editing))"
    "\\s+(?:and\\s+\\w+\\s+)?by\\b"
    "|^\\W*(?:with\\s+)?(?:additional\\s+)?contributions?\\s+(?:from|by)\\b|^\\W*contributing\\s*:"
    /* A wire story's "Associated Press writer Jane Doe in Lisbon contributed to this report." */
    "|\\bcontributed\\s+(?:reporting\\s+)?to\\s+this\\s+(?:report|story|article)\\b"
    /* Chinese: editor, copy editor, source ("责任编辑：", "来源：") */
    "|^\\W*(?:责任编辑|编辑|校对|来源)\\s*[:：]";

/* Where a content system files the article, and how often it was read:
 * "Filed Under:", "Posted in News, Politics", "Category: Top Picks",
 * "Tags:", "1,693 views". */
static const char TAXONOMY_PATTERN[] =
    "^\\W*(?:(?:filed|posted|listed)\\s+(?:in|under)\\b|categor(?:y|ies)\\s*:|tag(?:ged|s)?(?:\\s+with)?\\s*:"
    "|topics?\\s*:|article\\s+tags\\b|[\\d,.]+[km]?\\s+views?\\s*$)";

/* A time or a length of time alone on a line at the article's edge: the
 * hour it was posted ("5:50 am", "19:32"), a video's or a reading's length
 * ("15 min", "8 minutes", "min to read"), how long ago it was posted
 * ("Published 6 hours ago"), the hour of an update ("Updated at 8:37 p.m."). */
static const char CLOCK_PATTERN[] =
    "^\\W*(?:(?:(?:published|posted|updated)\\s+)?(?:at\\s+)?\\d{1,2}:\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s+[a-z]{2,4})?"
    "|\\d+\\s*(?:min|mins|minutes?)\\.?|(?:\\d+\\s*)?min(?:ute)?s?\\s+to\\s+read"
    "|(?:(?:published|posted|updated)\\s+)?\\d+\\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\\s+ago)\\W*$";

/* A template's filler text, of any length: "Lorem ipsum dolor sit amet, …",
 * "Lorem Ipsum" as a heading. */
static const char FILLER_PATTERN[] = "^\\W*lorem\\s+ipsum\\b";

/* A page's word to browsers that run no script: "We're sorry but this site
 * doesn't work properly without JavaScript enabled", "Please enable
 * JavaScript to continue". */
static const char SCRIPT_NOTICE_PATTERN[] =
    "(?:\\b(?:sorry|please|without)\\b|\\byou\\s+(?:will\\s+)?(?:need|must|have)\\s+to\\b)[^.!?]{0,60}"
    "\\bjavascript\\b|\\bjavascript\\b[^.!?]{0,30}\\b(?:is\\s+)?(?:disabled|required|must\\s+be\\s+enabled)\\b"
    "|\\bbrowser\\s+is\\s+(?:not|no\\s+longer)\\s+(?:actively\\s+|fully\\s+)?supported\\b"
    "|\\b(?:upgrade|update)\\s+(?:to\\s+)?(?:your|a\\s+(?:newer|modern|supported))\\s+browser\\b";

/* Markers that open a section of links or comments running to the page end. */
static const char SECTION_PATTERN[] =
    "^\\W*(?:related(?:\\s+\\w+){0,2}|latest\\s+\\w+|latest\\s+posts\\s+by\\b.*|more\\s+(?:from|on|stories|news)\\b.*"
    "|read\\s+(?:this\\s+)?(?:more|also|next)|see\\s+also|also\\s+read|you\\s+(?:may|might)\\s+also\\s+(?:like|enjoy)"
    "|(?:more\\s+)?(?:articles|stories|posts|reads)\\s+you\\s+(?:may|might|will)\\s+(?:also\\s+)?(?:like|enjoy|love)"
    "|(?:popular|recent|trending|featured)\\s+(?:posts|articles|stories|reads)\\b.*|explore\\s+more|more\\s+to\\s+explore"
    "|keep\\s+reading|what\\s+to\\s+read\\s+next|up\\s+next"
    "|(?:article\\s+)?(?:references|sources)|footnotes(?:\\s*\\(\\s*returns?\\s+to\\s+text\\s*\\))?"
    "|bibliography|works\\s+cited|citations"
    "|recommended(?:\\s+\\w+){0,2}|(?:most\\s+)?popular|most\\s+(?:read|viewed|shared)|top\\s+stories"
    "|trending(?:\\s+now)?|sign\\s+up\\s+for\\s+.*|subscribe\\s+to\\s+.*|newsletter"
    "|comments?(?:\\s*\\(\\d+\\))?|\\d+\\s+comments?|comment\\s+list|leave\\s+a\\s+(?:reply|comment)"
    "|post\\s+a\\s+comment|join\\s+the\\s+(?:conversation|discussion)"
    "|mehr\\s+zum\\s+thema|kommentare|lire\\s+aussi|à\\s+lire\\s+aussi|commentaires"
    "|lee\\s+también|comentarios|leggi\\s+anche|commenti|leia\\s+também|comentários"
    "|читайте\\s+также|комментарии|материалы\\s+по\\s+теме|похожие\\s+новости|другие\\s+новости"
    "|lesen\\s+sie\\s+auch|das\\s+könnte\\s+sie\\s+auch\\s+interessieren|sur\\s+le\\s+même\\s+sujet"
    "|te\\s+puede\\s+interesar|noticias\\s+relacionadas|articoli\\s+correlati"
    "|zobacz\\s+(?:też|także|również)|czytaj\\s+(?:też|także)|komentarze|ilgili\\s+haberler"
    "|bunlar\\s+da\\s+ilginizi\\s+çekebilir|yorumlar|läs\\s+(?:också|även|mer)|kommentarer"
    "|baca\\s+juga|berita\\s+terkait|komentar|اقرأ\\s+(?:أيضا|أيضاً|ايضا)|(?:أخبار|مواضيع|مقالات)\\s+ذات\\s+صلة"
    "|التعليقات|تعليقات"
    "|相关(?:新闻|阅读|文章|报道)|推荐阅读|延伸阅读|热门(?:推荐|文章|新闻)|猜你喜欢"
    "|関連記事|おすすめ記事|人気記事|あわせて読みたい)\\W*$";

/* The subset of section markers after which comments, not links, follow. */
static const char COMMENTS_PATTERN[] =
    "^\\W*(?:comments?(?:\\s*\\(\\d+\\))?|\\d+\\s+comments?|comment\\s+list"
    "|leave\\s+a\\s+(?:reply|comment)|post\\s+a\\s+comment|join\\s+the\\s+(?:conversation|discussion)"
    "|kommentare|commentaires|comentarios|commenti|comentários|комментарии|komentarze|yorumlar"
    "|kommentarer|komentar|التعليقات|تعليقات)\\W*$";

/* A cookie banner's text: "We use cookies to ensure…", "By clicking
 * “Accept”, you agree to the storing of cookies on your device", "Cookie
 * Consent". */
static const char COOKIE_NOTICE_PATTERN[] =
    "\\b(?:we|this\\s+(?:web\\s*)?site|our\\s+(?:web\\s*)?site)\\s+(?:also\\s+)?uses?\\s+cookies\\b"
    "|\\b(?:accept|allow|agree\\s+to|consent\\s+to)\\s+(?:all\\s+)?(?:the\\s+)?(?:use\\s+of\\s+)?cookies\\b"
    "|\\bstoring\\s+of\\s+cookies\\b|\\bcookies?\\s+(?:consent|preferences|banner)\\b|\\bmanage\\s+cookies\\b"
    "|\\bwir\\s+(?:verwenden|nutzen)\\s+cookies\\b|\\bnous\\s+utilisons\\s+des\\s+cookies\\b"
    "|\\bce\\s+site\\s+utilise\\s+des\\s+cookies\\b|\\b(?:utilizamos|usamos)\\s+cookies\\b"
    "|\\b(?:este|esta)\\s+(?:sitio|página|site)\\s+(?:web\\s+)?(?:utiliza|usa)\\s+cookies\\b"
    "|\\butilizziamo\\s+(?:i\\s+)?cookie\\b|\\bwij\\s+gebruiken\\s+cookies\\b";

static const char SOCIAL_PATTERN[] =
    "\\b(?:facebook|twitter|instagram|telegram|whatsapp|youtube|tiktok|linkedin|pinterest"
    "|reddit|vkontakte|viber|snapchat|wechat|weibo|mastodon|bluesky|flipboard)\\b";

static const char LEGAL_PATTERN[] =
    "(?:©|\\(c\\)\\s*\\d{4}|\\bcopyright\\b|all\\s+rights\\s+reserved|alle\\s+rechte\\s+vorbehalten"
    "|tous\\s+droits\\s+réservés|todos\\s+los\\s+derechos\\s+reservados"
    "|tutti\\s+i\\s+diritti\\s+riservati|todos\\s+os\\s+direitos\\s+reservados"
    "|все\\s+права\\s+защищены)";

/* A block that opens with a copyright notice: "© 2024 …", "Copyright 2024
 * …", "(c) 2024 …" — not "Copyright lawyers said …". */
static const char COPYRIGHT_OPENING_PATTERN[] =
    "^\\W*(?:©|\\(c\\)\\s*\\d{4}|copyright\\s*(?:©\\s*|\\(c\\)\\s*)?\\d{4})";

/* An affiliate disclosure: "We may earn a commission when you buy through
 * links on our site", "We may earn money when you click on our links",
 * "Pack Hacker is reader-supported". */
static const char DISCLOSURE_PATTERN[] =
    "(?:\\b(?:we|us|i)\\b[^.!?]{0,60}\\b(?:earn|receive|get|make)s?\\b[^.!?]{0,40}"
    "\\b(?:commissions?|compensation)\\b|\\breader[- ]supported\\b"
    "|\\b(?:we|i)\\b[^.!?]{0,20}\\b(?:earn|make)s?\\s+money\\b[^.!?]{0,30}\\bclick\\b[^.!?]{0,20}\\blinks?\\b"
    "|\\b(?:purchases?|buying)\\s+(?:made\\s+)?(?:through|via)\\s+(?:our\\s+|the\\s+)?links\\b"
    "|\\baffiliate\\s+(?:links?|commissions?)\\b.{0,80}\\b(?:earn|support)"
    "|\\b(?:earn|receive)s?\\b.{0,40}\\baffiliate\\s+(?:links?|commissions?))";

/* A disclaimer under the article: "This article is for informational
 * purposes only and does not constitute financial advice", "…should not be
 * used as a substitute for medical advice from your doctor", a registered
 * adviser's notice. */
static const char DISCLAIMER_PATTERN[] =
    "(?:\\bfor\\s+(?:general\\s+)?(?:informational|information|educational)"
    "(?:\\s+(?:and|or)\\s+(?:informational|educational|entertainment))?\\s+purposes\\b"
    "|\\b(?:is|are|does|do|should)\\s+not\\s+(?:be\\s+)?(?:intended\\s+(?:as|to\\s+(?:be|provide|serve\\s+as|replace))\\s+"
    "|constitute\\s+|considered\\s+|construed\\s+as\\s+|(?:used\\s+)?as\\s+a\\s+substitute\\s+for\\s+)[^.!?]{0,60}\\badvice\\b"
    "|\\bsubstitute\\s+for\\s+(?:professional\\s+|direct\\s+)?(?:medical|legal|financial)\\s+advice\\b"
    "|\\bnot\\s+(?:legal|medical|financial|investment|tax)\\s+advice\\b"
    "|\\bregistered\\s+investment\\s+advis[eo]r\\b"
    "|\\b(?:views|opinions)\\s+(?:(?:and|or)\\s+(?:views|opinions)\\s+)?expressed\\b[^.!?]{0,120}"
    "\\b(?:do\\s+not|don['’]t|does\\s+not)\\s+(?:necessarily\\s+)?(?:reflect|represent)\\b"
    "|\\b(?:has|have|holds?)\\s+no\\s+(?:positions?|stakes?)\\s+in\\b[^.!?]{0,40}\\b(?:stocks?|shares|companies|securities)"
    "\\s+mentioned\\b|\\bhas\\s+a\\s+disclosure\\s+policy\\b)";

/* How long the article takes to read: "5 min read", "Reading time: 8 minutes". */
static const char READ_TIME_PATTERN[] =
    "(?:\\b(?:\\d+|x)\\s*(?:[-–]\\s*\\d+\\s*)?(?:min(?:ute)?s?)\\.?\\s*(?:read|reading)\\b"
    "|\\bread(?:ing)?\\s+time\\b|\\bmin(?:ute)?s?\\s+read\\b|\\blesezeit\\b|\\btemps\\s+de\\s+lecture\\b"
    "|\\btiempo\\s+de\\s+lectura\\b)";

/* The line that opens a box about the writer below an article: the
 * writer's role ("Contributing Writer", "Editor, Running Reviews", "Jane
 * Doe, Founder of Example Labs"), "Written by Jane Doe", "About the author". */
static const char BIO_LABEL_PATTERN[] =
    "^\\W*(?:(?:written|reviewed|edited|fact[- ]?checked)\\s+by\\b.*"
    "|about\\s+the\\s+(?:authors?|writers?|reviewers?|contributors?|experts?)\\W*"
    "|[^.!?]{0,80}\\b(?:writer|editor|editor[- ]in[- ]chief|contributor|(?:co-?)?founder|director|reporter"
    "|correspondent|journalist|columnist|author|producer|ceo|cto|strategist|analyst|specialist|consultant"
    "|fellow|professor|researcher|blogger|photographer)s?\\b[^.!?]{0,80})$";

/* A paragraph that opens with a person's name and says who they are: "Jane
 * Doe is a freelance writer…", "Dr. Jane Doe, MD, has…". Case matters. */
static const char BIO_OPENING_PATTERN[] =
    "(?-i)^(?:(?:Dr|Prof|Mr|Mrs|Ms)\\.?\\s+)?\\p{Lu}[\\p{L}\\p{M}'’.-]*"
    "(?:\\s+(?:\\p{Lu}[\\p{L}\\p{M}'’.-]*|van|von|de|da|del|der|le|la|al|bin)){1,3}"
    "(?:,\\s+[^,.!?]{1,60}){0,3},?\\s+(?:is|was|has|holds|writes|covers|studied|serves|joined|lives"
    "|speciali[sz]es|brings|leads|earned|graduated|began)\\s";

/* "© 2025 Harbour Post." / "Copyright 2024 The Example Times, all rights reserved" */
static const char COPYRIGHT_OWNER_PATTERN[] =
    "^\\W*(?:©|\\(c\\)|copyright)\\s*(?:©\\s*)?(?:\\d{4}(?:\\s*[-–]\\s*\\d{4})?\\s*)?,?\\s*"
    "((?:the\\s+)?\\p{Lu}[\\p{L}\\p{N}&'’.-]*(?:\\s+(?:of\\s+|the\\s+|&\\s+)?\\p{Lu}[\\p{L}\\p{N}&'’.-]*){0,5})";

/* Captions end in a credit: "Photo: VCG", "(AP Photo/Jane Doe)", "Getty Images",
 * "Фото: РИА Новости", "Fotoğraf: AA". */
static const char CAPTION_PATTERN[] =
    "(?:\\b(?:photo|photograph|picture|image|foto|bild|pic|фото|fotoğraf|fotografia|zdjęcie|صورة)s?"
    "(?:\\s+credits?)?\\s*(?::|/|by\\b)"
    "\\s*[^.!?]{1,60}|\\b(?:photos?|images?|pictures?)\\s+courtesy\\s+of\\s+[^!?]{1,60}|\\bgetty\\s+images(?:\\s*/\\s*\\p{Lu}[^!?/]{0,40})?|\\b(?:ap|afp|reuters|epa|xinhua|anadolu|dpa)"
    "(?:\\s+photo)?\\s*/\\s*\\p{Lu}[^.!?]{0,40}|\\bfile\\s+photo|\\bcredit:\\s*[^.!?]{1,60})"
    "\\s*[)\\]]?\\s*\\.?\\s*$";

/* A credit alone on its line: a photographer and an agency, or an outlet
 * in capitals ("Sarah Tew/CNET", "Jane Doe/Getty"), a picture library
 * ("iStock"). */
static const char CREDIT_ALONE_PATTERN[] =
    "^\\W*(?:\\p{Lu}[\\p{L}.'’-]+(?:\\s+\\p{Lu}[\\p{L}.'’-]+){1,2}\\s*/\\s*"
    "(?:(?-i:\\p{Lu}{2,}[\\p{Lu}\\p{N}]*)|getty(?:\\s+images)?|reuters|bloomberg|corbis)"
    "|(?:istock(?:photo)?|shutterstock|photofest|alamy|unsplash)(?:\\s*/\\s*[^.!?]{1,40})?)\\s*[)\\]]?\\s*\\.?\\s*$";

/* Caption and player furniture that opens a line: "Image caption ...",
 * "Media playback is unsupported ...", "Enlarge this image toggle caption". */
static const char CAPTION_OPENING_PATTERN[] =
    "^\\W*(?:image\\s+(?:caption|copyright)|media\\s+(?:caption|playback)|enlarge\\s+this\\s+image"
    "|toggle\\s+caption|(?:hide|show)\\s+caption|caption:|photo(?:graph)?:|picture:|foto:|bild:"
    "|фото:|fotoğraf:|zdjęcie:|صورة:"
    "|video:|watch:|listen:|(?:\\d+|one)\\s+of\\s+\\d+\\.?\\s)";

/* How to reach the writer: an e-mail address, a social handle or a phone
 * number next to a contact verb. */
#define CONTACT_WORDS \
    "(?:\\b(?:contact|email|e-mail|call|reach|follow|write\\s+to)\\b.{0,80}" \
    "(?:[\\w.+-]+@[\\w-]+\\.\\w|(?<![\\w@])@\\w{2,}|\\(?\\d{3}\\)?[-. ]\\d{3}[-.]\\d{4}" \
    "|\\bon\\s+(?:twitter|facebook|instagram|x)\\b))"
static const char CONTACT_PATTERN[] = CONTACT_WORDS;

/* An appeal the article reports, not a way to reach the writer: "He asked
 * witnesses to call Crime Stoppers at 855-847-6227", "Anyone with
 * information is urged to contact police at …". */
static const char APPEAL_PATTERN[] =
    "\\b(?:ask|asks|asked|asking|urge|urges|urged|urging|encourage|encourages|encouraged|request|requests"
    "|requested)\\b[^.!?]{0,60}\\bto\\s+(?:call|contact|reach)\\b|\\banyone\\s+with\\s+(?:any\\s+)?information\\b"
    "|\\bcrime\\s*stoppers\\b|\\btip\\s*line\\b";

/* Calls to the reader that are prompts only where they open the block,
 * since a story may use the words ("Sweden is set to become a member of
 * NATO"): "Become a member", "Get the latest news in your inbox", "Learn
 * more about our plans" as a link, "Looking for a new sofa?". */
#define CALL_WORDS \
    "(?:become\\s+a\\s+(?:paid\\s+)?(?:subscriber|member|contributor)\\b|get\\s+the\\s+(?:latest|free)\\b" \
    "|learn\\s+more\\s+about\\b[^.!?:]*$|looking\\s+for\\b[^.!?]*\\?\\W*$)"

/* A prompt or contact line that opens its block: the page speaks to the
 * reader from the first word ("Sign up for our newsletter and get ...",
 * "[Read more: ...]", "Contact the author at ..."). */
static const char PROMPT_OPENING_PATTERN[] = "^\\W*(?:" PROMPT_WORDS "|" CALL_WORDS ")";
static const char CONTACT_OPENING_PATTERN[] = "^\\W*" CONTACT_WORDS;

/* A link to another story set between paragraphs: a label and a colon
 * before its headline ("MORE: Storm snarls flights in Chicago", "RELATED:
 * Community consoles victims", "BLOG: Why …"). */
static const char TEASER_PATTERN[] =
    "^\\W*(?:more|story|blog|related(?:\\s+(?:story|stories|content|coverage|articles?|links?|reading|video))?"
    "|read(?:\\s+(?:more|also|next))?|see\\s+also|also\\s+(?:read|see)|analysis|opinion|podcast)\\s*:\\s*\\S";

/* Section labels and breadcrumbs: "CHINA / SOCIETY", "Home › News › Europe".
 * A breadcrumb's steps are one to three words; a headline with a site
 * suffix ("Bridge reopens after inspection | The Times") is not one. */
#define CRUMB "\\p{L}[\\p{L}\\d&'’.,-]*(?:\\s[\\p{L}\\d&'’.,-]+){0,2}"
static const char LABEL_PATTERN[] =
    "^\\s*(?:[\\p{Lu}\\d][\\p{Lu}\\d &'’.,-]{1,40}(?:\\s+[/|•·]\\s+[\\p{Lu}\\d][\\p{Lu}\\d &'’.,-]{1,40})*"
    "|" CRUMB "(?:\\s*[›»>|•·]\\s*" CRUMB "){1,6}"
    "|" CRUMB "(?:\\s+/\\s+" CRUMB "){1,6})\\s*$";

static const char BYLINE_PATTERN[] =
    "^\\s*(?:(?:by|von|par|por|di|door|от)(?:\\s*:\\s*|\\s+)|(?:author|autor|auteur|autore)\\s*:\\s*)"
    "(?!(?:mon|tues|wednes|thurs|fri|satur|sun)day\\b|(?:january|february|march|april|may|june|july|august"
    "|september|october|november|december|noon|midnight|then|now)\\b)"
    "(?:the\\s+)?\\p{Lu}[\\p{L}.'’-]*"
    "(?:\\s+(?:\\p{Lu}[\\p{L}.'’-]*|de|da|van|von|der|del|la|le|bin|al|el)){0,4}"
    "(?:(?:\\s*(?:,|&|\\||-|–|—|\\.|⋅|·|•)|\\s+(?:and|und|et|y|e|in|for|on|at)\\b)\\s*.{0,80})?$";

/* Template artefacts a content system leaks into text: "Heading 2: ..." */
static const char ARTEFACT_PATTERN[] = "^\\s*(?:heading|h)\\s*[1-6]\\s*[:.\\-–]\\s*";

static const char LINK_PATTERN[] =
    "^\\s*(?:(?:(?:logo|photo|image|video|multimedia)\\s*[-–:]\\s*)?(?:https?://|www\\.)\\S+|[\\w.+-]+@[\\w-]+\\.[\\w.-]+|(?:#\\w+\\s*)+)\\s*$";

/* Labels that introduce a date on a date line. */
static const char DATE_LABEL_PATTERN[] =
    "^\\s*(?:(?:published|publish|posted|release)\\s+date|date\\s+(?:published|posted)"
    "|(?:originally\\s+|first\\s+)?(?:published|posted|released|issued|created|written)"
    "(?:\\s+(?:on|at))?|(?:last\\s+)?(?:updated|modified|edited|revised)(?:\\s+(?:on|at))?"
    "|date|dated|on|veröffentlicht(?:\\s+am)?|aktualisiert(?:\\s+am)?|stand|publié(?:\\s+le)?"
    "|mis\\s+à\\s+jour(?:\\s+le)?|publicado(?:\\s+el)?|actualizado(?:\\s+el)?|pubblicato(?:\\s+il)?"
    "|aggiornato(?:\\s+il)?|atualizado(?:\\s+em)?|gepubliceerd(?:\\s+op)?|опубликовано|обновлено"
    "|опубліковано|оновлено|opublikowano|zaktualizowano|publikováno|aktualizováno|publicerad|uppdaterad"
    "|yayınlanma(?:\\s+tarihi)?|güncelleme(?:\\s+tarihi)?|publicat(?:\\s+la)?|actualizat(?:\\s+la)?"
    "|diterbitkan|diperbarui)\\s*:?\\s*$";

/* A dateline opening a wire story: "ROMBLON, Philippines, March 4 (Meridian) - ",
 * "WASHINGTON (Reuters) — ", "SANTIAGO - ". */
static const char DATELINE_PATTERN[] =
    "^\\p{Lu}[\\p{Lu}\\p{M} .'’-]*\\p{Lu}(?:,\\s*[\\p{L}\\p{M}\\d .'’-]{2,30}){0,3}"
    "(?:\\s*\\([^()]{1,40}\\))?\\s*[-–—]+\\s+(?=[\\p{Lu}\\d\"“])";

enum {
    PAT_PROMPT,
    PAT_WIDGET,
    PAT_SECTION,
    PAT_COMMENTS,
    PAT_SOCIAL,
    PAT_LEGAL,
    PAT_COPYRIGHT_OPENING,
    PAT_COPYRIGHT_OWNER,
    PAT_CAPTION,
    PAT_LABEL,
    PAT_BYLINE,
    PAT_ARTEFACT,
    PAT_LINK,
    PAT_DATE_LABEL,
    PAT_DATELINE,
    PAT_CAPTION_OPENING,
    PAT_CONTACT,
    PAT_PROMPT_OPENING,
    PAT_CONTACT_OPENING,
    PAT_DISCLOSURE,
    PAT_READ_TIME,
    PAT_PLACEHOLDER,
    PAT_SCRIPT_NOTICE,
    PAT_COOKIE_NOTICE,
    PAT_BIO_LABEL,
    PAT_BIO_OPENING,
    PAT_DISCLAIMER,
    PAT_FILLER,
    PAT_CREDIT,
    PAT_TAXONOMY,
    PAT_CLOCK,
    PAT_TEASER,
    PAT_CREDIT_ALONE,
    PAT_APPEAL,
    PAT_COUNT
};

static const char *const pattern_source[PAT_COUNT] = {
    PROMPT_PATTERN, WIDGET_PATTERN, SECTION_PATTERN, COMMENTS_PATTERN, SOCIAL_PATTERN,
    LEGAL_PATTERN, COPYRIGHT_OPENING_PATTERN, COPYRIGHT_OWNER_PATTERN, CAPTION_PATTERN, LABEL_PATTERN,
    BYLINE_PATTERN,
    ARTEFACT_PATTERN, LINK_PATTERN, DATE_LABEL_PATTERN, DATELINE_PATTERN,
    CAPTION_OPENING_PATTERN, CONTACT_PATTERN, PROMPT_OPENING_PATTERN, CONTACT_OPENING_PATTERN,
    DISCLOSURE_PATTERN, READ_TIME_PATTERN, PLACEHOLDER_PATTERN,
    SCRIPT_NOTICE_PATTERN, COOKIE_NOTICE_PATTERN, BIO_LABEL_PATTERN, BIO_OPENING_PATTERN, DISCLAIMER_PATTERN,
    FILLER_PATTERN, CREDIT_PATTERN, TAXONOMY_PATTERN, CLOCK_PATTERN, TEASER_PATTERN,
    CREDIT_ALONE_PATTERN, APPEAL_PATTERN,
};

struct chorus__junk {
    pcre2_code *re[PAT_COUNT];
    /* The same patterns with \b, \w, \d and \s in their ASCII sense, for
     * texts where that sense is the Unicode one (see ascii_classes()):
     * Unicode properties make a pattern tried at every position of a
     * paragraph several times slower. Compiled when first needed. */
    pcre2_code *ascii[PAT_COUNT];
    int jit;
    /* The last subject ascii_classes() judged, and its verdict: the
     * patterns run one after another on the same paragraph. */
    const char *judged;
    size_t judged_len;
    int judged_ascii;
    pcre2_match_data *md;
    /* Set while the blocks being classified are known to be valid UTF-8:
     * PCRE2 then need not check each subject again for every pattern. */
    int blocks_valid;
};

static pcre2_code *compile(const char *pattern, int jit, int caseless, int ucp)
{
    int err;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                                   PCRE2_UTF | (ucp ? PCRE2_UCP : 0) | (caseless ? PCRE2_CASELESS : 0), &err,
                                   &off, NULL);
    /* Without JIT (unsupported, or turned off) the interpreter gives the same matches. */
    if (re && jit)
        pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
    return re;
}

chorus__junk *chorus__junk_new(void)
{
    chorus__junk *j = calloc(1, sizeof *j);
    if (!j)
        return NULL;
    /* CHORUS_NO_JIT=1 turns the JIT off: valgrind cannot follow JIT-compiled
     * code and reports its reads as uninitialised. */
    const char *no_jit = getenv("CHORUS_NO_JIT");
    int jit = !(no_jit && *no_jit && strcmp(no_jit, "0") != 0);
    for (int i = 0; i < PAT_COUNT; i++) {
        j->re[i] = compile(pattern_source[i], jit, i != PAT_DATELINE, 1);
        if (!j->re[i]) {
            chorus__junk_free(j);
            return NULL;
        }
    }
    j->jit = jit;
    j->md = pcre2_match_data_create(8, NULL);
    if (!j->md) {
        chorus__junk_free(j);
        return NULL;
    }
    return j;
}

void chorus__junk_free(chorus__junk *j)
{
    if (!j)
        return;
    for (int i = 0; i < PAT_COUNT; i++) {
        pcre2_code_free(j->re[i]);
        pcre2_code_free(j->ascii[i]);
    }
    pcre2_match_data_free(j->md);
    free(j);
}

/* PCRE2_NO_UTF_CHECK for a subject that is whole characters of a valid
 * block: it opens on a character and its last sequence is complete. */
static uint32_t utf_check(const chorus__junk *j, const char *s, size_t len)
{
    if (!j->blocks_valid || len == 0)
        return 0;
    const unsigned char *u = (const unsigned char *)s;
    if ((u[0] & 0xC0) == 0x80)
        return 0;
    size_t lead = len - 1, tail = 1;
    while (lead > 0 && (u[lead] & 0xC0) == 0x80 && tail < 4)
        lead--, tail++;
    return chorus__utf8_sequence_length(u[lead]) == tail ? PCRE2_NO_UTF_CHECK : 0;
}

/* Non-zero when s holds no letter, number, mark or space beyond ASCII
 * (typographic quotes and dashes are neither): in such a text \w, \d, \s
 * and \b match the same characters with Unicode properties and without. */
static int ascii_classes(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        int32_t cp = chorus__utf8_next(s, len, &i);
        if (chorus__is_letter(cp) || chorus__is_mark(cp) || chorus__is_space(cp) || chorus__is_number(cp) ||
            cp == 0x85 || cp == 0x180E)
            return 0;
    }
    return 1;
}

/* The compiled pattern `p` to run on s[0..len). */
static const pcre2_code *pattern_for(chorus__junk *j, int p, const char *s, size_t len)
{
    if (s != j->judged || len != j->judged_len) {
        j->judged = s;
        j->judged_len = len;
        j->judged_ascii = ascii_classes(s, len);
    }
    if (!j->judged_ascii)
        return j->re[p];
    if (!j->ascii[p])
        j->ascii[p] = compile(pattern_source[p], j->jit, p != PAT_DATELINE, 0);
    return j->ascii[p] ? j->ascii[p] : j->re[p]; /* out of memory: the slower one */
}

/* Each call from outside may bring a new text at the address of the last
 * one (a buffer reused): the verdict kept is forgotten. */
static void new_subject(chorus__junk *j)
{
    j->judged = NULL;
}

/* Matches pattern `p` against s[0..len); returns the match length + 1, or 0. */
static size_t match(chorus__junk *j, int p, const char *s, size_t len)
{
    int rc = pcre2_match(pattern_for(j, p, s, len), (PCRE2_SPTR)s, len, 0, utf_check(j, s, len), j->md, NULL);
    if (rc < 0)
        return 0;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(j->md);
    return (size_t)(ov[1] - ov[0]) + 1;
}

/* Photo credits end a caption ("... on Sunday. Photo: Agency/Name"): only
 * the block's last bytes need the test. */
#define CREDIT_TAIL_BYTES 120

static int ends_with_credit(chorus__junk *j, const char *s, size_t len)
{
    size_t from = len > CREDIT_TAIL_BYTES ? len - CREDIT_TAIL_BYTES : 0;
    while (from > 0 && ((unsigned char)s[from] & 0xC0) == 0x80)
        from--; /* start on a character */
    /* Step back to a word boundary so the credit's keyword is whole. */
    while (from > 0 && s[from - 1] != ' ')
        from--;
    if (!match(j, PAT_CAPTION, s + from, len - from))
        return 0;
    /* A paragraph that ends with a link to photos in square brackets
     * ("… told Live Science. [Titanosaur Photos: Meet the Largest
     * Dinosaur]") is the article's, the link no credit. */
    if (s[len - 1] == ']') {
        size_t open = len - 1;
        while (open > from && s[open] != '[')
            open--;
        if (s[open] == '[' && chorus__count_words(s, open) >= BODY_MIN_WORDS && chorus__ends_sentence(s, open))
            return 0;
    }
    return 1;
}

/* Counts non-overlapping matches of pattern `p` in s[0..len), up to `most`. */
static int count_matches(chorus__junk *j, int p, const char *s, size_t len, int most)
{
    int n = 0;
    size_t at = 0;
    uint32_t check = utf_check(j, s, len);
    const pcre2_code *re = pattern_for(j, p, s, len);
    while (n < most && at < len) {
        int rc = pcre2_match(re, (PCRE2_SPTR)s, len, at, check, j->md, NULL);
        if (rc < 0)
            break;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(j->md);
        n++;
        at = ov[1] > at ? ov[1] : at + 1;
    }
    return n;
}

/* ---------------------------------------------------------------------- */
/* Shape helpers                                                          */
/* ---------------------------------------------------------------------- */

size_t chorus__count_words(const char *s, size_t len)
{
    size_t words = 0, i = 0, cjk = 0;
    int in_word = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        int w, space;
        if (c < 0x80) {
            /* Most text is ASCII: no decoding, no table lookup. */
            i++;
            w = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
        } else {
            int32_t cp = chorus__utf8_next(s, len, &i);
            if (chorus__is_cjk(cp)) {
                /* Chinese and Japanese run their words together: a word
                 * there is about two characters. */
                cjk++;
                in_word = 0;
                continue;
            }
            w = chorus__is_letter(cp) || chorus__is_digit(cp);
            space = !w && (chorus__is_space(cp) || chorus__is_cjk_punct(cp));
        }
        if (w && !in_word)
            words++;
        if (w)
            in_word = 1;
        else if (space)
            in_word = 0;
    }
    return words + (cjk + 1) / 2;
}

int chorus__ends_sentence(const char *s, size_t len)
{
    size_t i = len;
    int32_t cp;
    /* Look through closing quotes and brackets. */
    do {
        cp = chorus__utf8_prev(s, &i);
    } while (i > 0 && (chorus__is_space(cp) || chorus__is_close_quote(cp) || cp == ')' || cp == ']'));
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == 0x3002 || cp == 0xFF01 ||
           cp == 0xFF1F || cp == 0x061F || cp == 0x0964;
}

int chorus__is_label_line(chorus__junk *j, const char *s, size_t len)
{
    new_subject(j);
    size_t words = chorus__count_words(s, len);
    if (words == 0 || words > LABEL_MAX_WORDS || chorus__ends_sentence(s, len))
        return 0;
    if (!match(j, PAT_LABEL, s, len))
        return 0;
    /* The all-capitals form must really be all capitals: "WORLD", not "World". */
    int has_sep = 0, has_lower = 0;
    size_t i = 0;
    while (i < len) {
        int32_t cp = chorus__utf8_next(s, len, &i);
        if (cp == '/' || cp == '|' || cp == 0x203A || cp == 0x00BB || cp == '>' || cp == 0x2022 ||
            cp == 0x00B7)
            has_sep = 1;
        if (chorus__is_lower(cp))
            has_lower = 1;
    }
    return has_sep || !has_lower;
}

int chorus__is_byline(chorus__junk *j, const char *s, size_t len)
{
    new_subject(j);
    size_t words = chorus__count_words(s, len);
    return words >= 2 && words <= 16 && match(j, PAT_BYLINE, s, len);
}

int chorus__copyright_owner(chorus__junk *j, const char *s, size_t len, const char **name,
                            size_t *name_len)
{
    /* The notice may run on after the owner's name ("… All rights reserved.
     * This material may not be published, broadcast, rewritten or
     * redistributed."); a longer block is prose. */
    if (chorus__count_words(s, len) > COPYRIGHT_MAX_WORDS)
        return 0;
    int rc = pcre2_match(j->re[PAT_COPYRIGHT_OWNER], (PCRE2_SPTR)s, len, 0, 0, j->md, NULL);
    if (rc < 2)
        return 0;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(j->md);
    size_t start = ov[2], end = ov[3];
    /* The owner ends with its sentence ("Harbour Post. All rights
     * reserved.") or before "All Rights Reserved" written without one. */
    for (size_t k = start; k + 1 < end; k++)
        if ((s[k] == '.' && s[k + 1] == ' ') ||
            (k > start && s[k - 1] == ' ' && (s[k] == 'A' || s[k] == 'a') && k + 4 <= end &&
             strncmp(s + k + 1, "ll ", 3) == 0)) {
            end = k;
            break;
        }
    while (end > start && (s[end - 1] == ' ' || s[end - 1] == '.' || s[end - 1] == ','))
        end--;
    if (end <= start)
        return 0;
    *name = s + start;
    *name_len = end - start;
    return 1;
}

size_t chorus__dateline_length(chorus__junk *j, const char *s, size_t len)
{
    /* The place is in capitals: the case-blind matching the other patterns
     * use would take any opening words for one. */
    int rc = pcre2_match(j->re[PAT_DATELINE], (PCRE2_SPTR)s, len, 0, 0, j->md, NULL);
    if (rc < 0)
        return 0;
    return (size_t)pcre2_get_ovector_pointer(j->md)[1];
}

uint64_t chorus__block_hash(const char *s, size_t len)
{
    /* Hash the folded letters and digits only, so that spacing, quotes and
     * punctuation differences do not hide a repeat. */
    char buf[256];
    size_t n = 0, i = 0;
    XXH3_state_t st;
    XXH3_64bits_reset(&st);
    while (i < len) {
        int32_t cp = chorus__utf8_next(s, len, &i);
        if (!chorus__is_letter(cp) && !chorus__is_digit(cp))
            continue;
        if (n + 4 > sizeof buf) {
            XXH3_64bits_update(&st, buf, n);
            n = 0;
        }
        n += chorus__utf8_put(buf + n, chorus__fold(cp));
    }
    XXH3_64bits_update(&st, buf, n);
    return XXH3_64bits_digest(&st);
}

/* ---------------------------------------------------------------------- */
/* Date lines                                                             */
/* ---------------------------------------------------------------------- */

/* Length of the separator that s opens with: | , - : ( & or a bullet,
 * middle dot or dash; 0 when none. */
static size_t separator_at(const char *s, size_t len)
{
    static const char *const marks[] = {"\xC2\xB7", "\xE2\x80\xA2", "\xE2\x8B\x85", "\xE2\x80\x93", "\xE2\x80\x94"};
    if (len && strchr("|,-:(&", s[0]))
        return 1;
    for (size_t k = 0; k < sizeof marks / sizeof *marks; k++) {
        size_t ml = strlen(marks[k]);
        if (len >= ml && memcmp(s, marks[k], ml) == 0)
            return ml;
    }
    return 0;
}

/* s without the white space and separators it opens with; *len is its
 * length, and becomes the rest's. */
static const char *after_separators(const char *s, size_t *len)
{
    const char *t = chorus__trim(s, len);
    for (size_t m; *len && (m = separator_at(t, *len)) != 0;) {
        t += m;
        *len -= m;
        t = chorus__trim(t, len);
    }
    return t;
}

/* Folds s[0..len) into f (of cap bytes, at least 5), as much as fits, and
 * ends it with a null; returns its length. */
static size_t fold_short(const char *s, size_t len, char *f, size_t cap)
{
    size_t fl = 0, i = 0;
    while (i < len && fl + 4 < cap)
        fl += chorus__utf8_put(f + fl, chorus__fold(chorus__utf8_next(s, len, &i)));
    f[fl] = '\0';
    return fl;
}

/* Non-zero when s[0..len) holds only label words (or a day of the week) and
 * punctuation; notes whether the label speaks of publication or of an update. */
static int only_label(chorus__junk *j, const char *s, size_t len, int *published, int *updated)
{
    size_t tl = len;
    /* Strip punctuation at both ends: "| Published:", "· October 10, 2021" */
    const char *t = after_separators(s, &tl);
    /* A byline's lead whose name stood in an element taken out: "By Updated on". */
    if (tl > 3 && (t[0] == 'B' || t[0] == 'b') && t[1] == 'y' && t[2] == ' ') {
        t += 3;
        tl -= 3;
        t = chorus__trim(t, &tl);
    }
    while (tl && strchr("|,-)", t[tl - 1]))
        tl--;
    if (tl == 0)
        return 1;
    if (tl > 64)
        return 0;
    char f[128];
    size_t fl = fold_short(t, tl, f, sizeof f);
    /* A day of the week labels nothing, and Turkish writes it after the
     * date ("13 Ağustos 2024 Salı"). */
    if (chorus__is_weekday_name(f, fl))
        return 1;
    if (!match(j, PAT_DATE_LABEL, t, tl))
        return 0;
    static const char *const pub_words[] = {"publi", "post", "veröff", "released", "issued", "опубл", "yayınlan",
                                            "diterbit"};
    static const char *const upd_words[] = {"updat", "modif", "aktual", "jour", "actuali", "aggiorn",
                                            "atualiz", "revised", "edited", "stand", "pdater", "обновл",
                                            "оновл", "güncel", "diperbarui"};
    for (size_t k = 0; k < sizeof pub_words / sizeof pub_words[0]; k++)
        if (strstr(f, pub_words[k]))
            *published = 1;
    for (size_t k = 0; k < sizeof upd_words / sizeof upd_words[0]; k++)
        if (strstr(f, upd_words[k]))
            *updated = 1;
    return 1;
}

/* Non-zero when what follows a date is a byline: "October 11, 2023 by
 * Jane Doe", "Posted on … Posted by Jane Doe"; not a name alone after a
 * bullet ("12/19/2025 • Jane Doe"), which could be anything. */
static int byline_after(chorus__junk *j, const char *s, size_t len)
{
    size_t tl = len;
    const char *t = after_separators(s, &tl);
    static const char *const leads[] = {"posted ", "written ", "published "};
    for (size_t k = 0; k < sizeof leads / sizeof *leads; k++) {
        size_t ll = strlen(leads[k]);
        if (tl > ll && strncasecmp(t, leads[k], ll) == 0) {
            t += ll;
            tl -= ll;
            break;
        }
    }
    return tl > 3 && chorus__is_byline(j, t, tl);
}

/* Non-zero when what follows a date is a reading's or a video's length:
 * "June 11, 2025 5 min", "May 3, 2024 · 8 min read". */
static int length_after(chorus__junk *j, const char *s, size_t len)
{
    size_t tl = len;
    const char *t = after_separators(s, &tl);
    return tl > 0 && (match(j, PAT_CLOCK, t, tl) ||
                      (chorus__count_words(t, tl) <= READ_TIME_AFTER_WORDS && match(j, PAT_READ_TIME, t, tl)));
}

int chorus__date_line(chorus__junk *j, const char *s, size_t len, chorus__date *d)
{
    new_subject(j);
    if (len == 0 || len > 160)
        return 0;
    /* A date line may hold several dated parts: "Updated: ... | Published: ...". */
    chorus__date best = {0};
    int best_rank = -1, best_labelled = 0;
    size_t pos = 0;
    int parts = 0;
    while (pos < len) {
        size_t at, span;
        chorus__date cur;
        if (!chorus__date_find(s + pos, len - pos, &cur, &at, &span))
            break;
        int published = 0, updated = 0;
        /* What stands before the date must be label words only. */
        if (!only_label(j, s + pos, at, &published, &updated))
            return 0;
        int rank = published ? 3 : updated ? 1 : 2;
        if (rank > best_rank) {
            best = cur;
            best_rank = rank;
            best_labelled = published;
        }
        pos += at + span;
        parts++;
        if (parts > 4)
            return 0;
    }
    if (parts == 0)
        return 0;
    int p = 0, u = 0;
    if (!only_label(j, s + pos, len - pos, &p, &u) && !byline_after(j, s + pos, len - pos) &&
        !length_after(j, s + pos, len - pos))
        return 0;
    *d = best;
    return best_labelled ? 2 : 1;
}

/* ---------------------------------------------------------------------- */
/* Classifier                                                             */
/* ---------------------------------------------------------------------- */

typedef struct {
    size_t words;
    int ends;       /* ends like a sentence */
    int body;       /* a real paragraph */
    uint64_t hash;  /* of the text without a template prefix */
    size_t prefix;  /* template prefix length */
    double position; /* share of the text's characters before the block */
} block_shape;

#define NONE ((size_t)-1)

/* Orders block indices by text hash, then by position. */
static int cmp_by_hash(const void *a, const void *b, void *ctx)
{
    const block_shape *sh = ctx;
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    if (sh[x].hash != sh[y].hash)
        return sh[x].hash < sh[y].hash ? -1 : 1;
    return (x > y) - (x < y);
}

const char *chorus__junk_reason_name(int reason)
{
    static const char *const names[] = {
        "text", "prompt", "social", "label", "caption", "repeat", "contents",
        "list", "trailing", "boilerplate", "link", "meta", "legal", "placeholder", "bio",
    };
    if (reason < 0 || (size_t)reason >= sizeof names / sizeof names[0])
        return "unknown";
    return names[reason];
}

/* Where the article's real paragraphs are, and what the classifier needs to
 * know of a block beyond its text. */
typedef struct {
    const block_shape *sh;
    size_t n;
    size_t first_body, last_body; /* n when the article has none */
    size_t second_body;           /* the real paragraph after the first, or n */
    uint64_t title_hash;          /* 0 without a title */
    const char *title;
    size_t title_len;
} article_shape;

/* Non-zero when a block is the title with a short tail after a separator:
 * the headline as the page shows it, "Headline | Section" or "Headline –
 * Site", where the title was cut. */
static int title_with_tail(const article_shape *as, const char *s, size_t len)
{
    size_t tl = as->title_len;
    if (!as->title || tl == 0 || len < tl + 4 || memcmp(s, as->title, tl) != 0 || s[tl] != ' ')
        return 0;
    size_t i = tl + 1;
    int32_t mark = chorus__utf8_next(s, len, &i);
    if (chorus__is_letter(mark) || chorus__is_digit(mark) || chorus__is_space(mark) || i >= len || s[i] != ' ')
        return 0; /* no separator: a longer sentence that opens with the title */
    return chorus__count_words(s + i, len - i) <= 6 && !chorus__ends_sentence(s + i, len - i);
}

/* Non-zero when a block is a notice about the page, not the world: for
 * browsers without script, or a cookie banner. */
static int page_notice(chorus__junk *j, const char *s, size_t len, size_t words)
{
    return (words <= EDGE_PROMPT_MAX_WORDS && match(j, PAT_SCRIPT_NOTICE, s, len)) ||
           (words <= COOKIE_NOTICE_MAX_WORDS && match(j, PAT_COOKIE_NOTICE, s, len));
}

/* Junk that a block's own wording and shape give away at its place. */
static uint8_t judge_block(chorus__junk *j, const chorus__junk_block *b, const article_shape *as,
                           size_t i, chorus__junk_verdict *out)
{
    const block_shape *sh = &as->sh[i];
    double position = sh->position;
    const char *s = b->text;
    size_t len = b->len, words = sh->words;
    int head = i < as->first_body;
    int tail = as->last_body == as->n || i > as->last_body;
    /* Many pages set a standfirst under the headline and the date and
     * byline under that: a few short blocks between the first real
     * paragraph and the second are read as the head's. */
    int under_lead = i > as->first_body && i < as->second_body && i <= as->first_body + UNDER_LEAD_BLOCKS;

    if (words == 0 && !sh->prefix)
        return CHORUS_JUNK_TRAILING; /* punctuation only: separators like "***" */
    if (match(j, PAT_LINK, s, len))
        return CHORUS_JUNK_LINK;
    if ((words <= PLACEHOLDER_MAX_WORDS && match(j, PAT_PLACEHOLDER, s, len)) || match(j, PAT_FILLER, s, len))
        return CHORUS_JUNK_PLACEHOLDER;
    /* A notice for browsers without script, or a cookie banner, above or
     * below an article that has paragraphs of its own (alone, the text is a
     * notice page, which notice.c names as such); it may be long enough to
     * pass for one. */
    if (as->first_body < as->n && (as->first_body != i || as->last_body != i) &&
        (i <= as->first_body || i >= as->last_body) && page_notice(j, s, len, words))
        return CHORUS_JUNK_PLACEHOLDER;
    if (words <= 25 && (tail || !sh->body) && match(j, PAT_LEGAL, s, len))
        return CHORUS_JUNK_LEGAL;
    /* A copyright notice that opens its block and runs on ("Copyright 2024
     * The Associated Press. All rights reserved. This material may not be
     * published, broadcast, rewritten or redistributed.") is no sentence of
     * the article, however long, in its second half. */
    if (words <= DISCLAIMER_MAX_WORDS && position >= 0.5 && match(j, PAT_COPYRIGHT_OPENING, s, len))
        return CHORUS_JUNK_LEGAL;
    /* An affiliate disclosure stands above the article (or below it), and
     * reads as a sentence: only its wording and its place give it away. */
    if (words <= DISCLOSURE_MAX_WORDS && (position < DISCLOSURE_POSITION || tail) &&
        match(j, PAT_DISCLOSURE, s, len))
        return CHORUS_JUNK_LEGAL;
    /* A disclaimer closes the page, after the article's last words. */
    if (words <= DISCLAIMER_MAX_WORDS && (position >= DISCLAIMER_POSITION || i + 3 >= as->n) &&
        match(j, PAT_DISCLAIMER, s, len))
        return CHORUS_JUNK_LEGAL;
    if (words <= READ_TIME_MAX_WORDS && !sh->ends && match(j, PAT_READ_TIME, s, len))
        return CHORUS_JUNK_META;
    if (words <= CAPTION_MAX_WORDS &&
        (match(j, PAT_CAPTION_OPENING, s, len) || ends_with_credit(j, s, len)))
        return CHORUS_JUNK_CAPTION;
    if (words <= CREDIT_ALONE_MAX_WORDS && match(j, PAT_CREDIT_ALONE, s, len))
        return CHORUS_JUNK_CAPTION;
    if (head || tail) {
        if (as->title_hash && (sh->hash == as->title_hash || title_with_tail(as, s, len)))
            return CHORUS_JUNK_META;
        if (!sh->body && chorus__is_label_line(j, s, len))
            return CHORUS_JUNK_LABEL;
        if (words <= LABEL_MAX_WORDS + 4 && !sh->ends && match(j, PAT_TAXONOMY, s, len))
            return CHORUS_JUNK_LABEL;
        if (words <= 4 && match(j, PAT_CLOCK, s, len))
            return CHORUS_JUNK_META;
    }
    if (head || tail || under_lead) {
        chorus__date d;
        if (!sh->body && chorus__is_byline(j, s, len))
            return CHORUS_JUNK_META;
        if (words <= CREDIT_MAX_WORDS && match(j, PAT_CREDIT, s, len)) {
            /* A lead alone ("Written by"), its name in the next block. */
            if (words <= 3 && !sh->ends && i + 1 < as->n && !out[i + 1].reason && !as->sh[i + 1].body &&
                as->sh[i + 1].words <= 5)
                out[i + 1].reason = CHORUS_JUNK_META;
            return CHORUS_JUNK_META;
        }
        if (words <= 24 && chorus__date_line(j, s, len, &d))
            return CHORUS_JUNK_META;
    }
    /* A section marker late in the article opens a list of links, or
     * comments, that runs to the end of the page. */
    if (words <= 8 && !sh->ends && (tail || position >= 0.5) && match(j, PAT_SECTION, s, len)) {
        int comments = match(j, PAT_COMMENTS, s, len) != 0;
        for (size_t k = i + 1; k < as->n; k++) {
            if (!comments && as->sh[k].words > LIST_ENTRY_MAX_WORDS && as->sh[k].ends)
                break;
            if (!out[k].reason)
                out[k].reason = CHORUS_JUNK_LIST;
        }
        return CHORUS_JUNK_PROMPT;
    }
    /* Prompt wording: anywhere in a short block or at the page's edges,
     * twice in one block, or opening it. Scanning a whole paragraph costs
     * more than the anchored test, so long blocks that end like a sentence
     * in the middle of the text are not scanned. */
    int edge = head || tail;
    if (words <= EDGE_PROMPT_MAX_WORDS && match(j, PAT_PROMPT_OPENING, s, len))
        return CHORUS_JUNK_PROMPT;
    if (words <= TEASER_MAX_WORDS && !sh->ends && match(j, PAT_TEASER, s, len))
        return CHORUS_JUNK_PROMPT;
    if (words <= EDGE_PROMPT_MAX_WORDS || (words <= MULTI_PROMPT_MAX_WORDS && (edge || !sh->ends))) {
        int prompts = count_matches(j, PAT_PROMPT, s, len, 2);
        if (prompts && ((words <= PROMPT_MAX_WORDS && (!sh->ends || edge || words <= 8)) ||
                        (edge && words <= EDGE_PROMPT_MAX_WORDS) || prompts >= 2))
            return CHORUS_JUNK_PROMPT;
    }
    if (words <= CONTACT_MAX_WORDS &&
        (edge ? match(j, PAT_CONTACT, s, len) : match(j, PAT_CONTACT_OPENING, s, len)) &&
        !match(j, PAT_APPEAL, s, len))
        return CHORUS_JUNK_PROMPT;
    if (words <= 4 && match(j, PAT_WIDGET, s, len))
        return CHORUS_JUNK_PROMPT;
    if (words <= SOCIAL_MAX_WORDS && match(j, PAT_SOCIAL, s, len) && (!sh->ends || tail))
        return CHORUS_JUNK_SOCIAL;
    if (b->corpus_count >= BOILERPLATE_MIN_ARTICLES && words <= BOILERPLATE_MAX_WORDS &&
        (!sh->ends || b->corpus_count >= BOILERPLATE_SURE_ARTICLES))
        return CHORUS_JUNK_BOILERPLATE;
    return CHORUS_JUNK_NONE;
}

/*
 * Repeats: a run of two or more short lines each repeated later is a table
 * of contents (drop the run, keep the later headings); any other repeated
 * block is dropped where it repeats. Template-prefixed lines in a run are a
 * table of contents even when not repeated. Where each block's text occurs
 * before and after it is found by sorting rather than by comparing every
 * pair, so that a page of ten thousand lines costs no more than sorting them.
 */
static int mark_repeats(const block_shape *sh, size_t n, chorus__junk_verdict *out)
{
    size_t *order = malloc(n * sizeof *order), *prev = malloc(n * sizeof *prev),
           *next = malloc(n * sizeof *next);
    unsigned char *seen = calloc(n, 1); /* an earlier copy was kept (or was a caption) */
    if (!order || !prev || !next || !seen) {
        free(order), free(prev), free(next), free(seen);
        return CHORUS_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    qsort_r(order, n, sizeof *order, cmp_by_hash, (void *)sh);
    for (size_t k = 0; k < n; k++) {
        size_t i = order[k];
        prev[i] = k > 0 && sh[order[k - 1]].hash == sh[i].hash ? order[k - 1] : NONE;
        next[i] = k + 1 < n && sh[order[k + 1]].hash == sh[i].hash ? order[k + 1] : NONE;
    }
    for (size_t i = 0; i < n; i++) {
        if (out[i].reason)
            continue;
        size_t run_end = i;
        while (run_end < n && !out[run_end].reason && !sh[run_end].body && sh[run_end].words &&
               sh[run_end].words <= 12 && !sh[run_end].ends) {
            /* An entry already listed ends the table: it is the first heading. */
            if (prev[run_end] != NONE && prev[run_end] >= i)
                break;
            if (next[run_end] == NONE && !sh[run_end].prefix)
                break;
            run_end++;
        }
        if (run_end - i >= 2) {
            for (size_t k = i; k < run_end; k++)
                out[k].reason = CHORUS_JUNK_CONTENTS;
            i = run_end - 1;
        }
    }
    for (size_t i = 0; i < n; i++) {
        size_t p = prev[i];
        if (p != NONE)
            seen[i] = seen[p] || !out[p].reason || out[p].reason == CHORUS_JUNK_CAPTION;
        if (!out[i].reason && sh[i].words >= 3 && seen[i])
            out[i].reason = CHORUS_JUNK_REPEAT;
    }
    free(seen), free(order), free(prev), free(next);
    return 0;
}

/* The first word of the name a block opens with, after a title ("Dr. Jane
 * Doe"): sets *from and *word_len to it; returns 0 when there is none. */
static int first_name_word(const char *s, size_t len, size_t *from, size_t *word_len)
{
    static const char *const titles[] = {"Dr", "Dr.", "Prof", "Prof.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms."};
    size_t i = 0;
    for (int pass = 0; pass < 2; pass++) {
        size_t e = i;
        while (e < len && s[e] != ' ' && s[e] != ',')
            e++;
        int title = 0;
        for (size_t t = 0; t < sizeof titles / sizeof *titles && pass == 0; t++)
            title |= strlen(titles[t]) == e - i && memcmp(titles[t], s + i, e - i) == 0;
        if (!title) {
            *from = i;
            *word_len = e - i;
            return e > i;
        }
        i = e + 1;
    }
    return 0;
}

/* Non-zero when a text holds only degrees and their separators: ", MD",
 * ", PhD, RD*": words of at most six letters, two of them capitals. */
static int degrees_only(const char *s, size_t len)
{
    size_t words = 0;
    for (size_t i = 0; i < len;) {
        while (i < len && (s[i] == ',' || s[i] == ' ' || s[i] == '*'))
            i++;
        size_t letters = 0, capitals = 0;
        for (; i < len && s[i] != ',' && s[i] != ' ' && s[i] != '*'; i++) {
            if (s[i] == '.')
                continue;
            letters++;
            capitals += s[i] >= 'A' && s[i] <= 'Z';
            if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z')))
                return 0;
        }
        if (letters && (letters > 6 || capitals < 2))
            return 0;
        words += letters > 0;
    }
    return words > 0;
}

/* Most real paragraphs an article may have after a box about its writer
 * (teasers of other articles, a reviewer's box), and least before it. */
#define AUTHOR_BOX_MAX_BODY_AFTER 4
#define AUTHOR_BOX_MIN_BODY_BEFORE 2

/*
 * A box about the writer below the article: a short line naming the
 * writer or their role ("Contributing Writer", "Written by Jane Doe", "Jane
 * Doe, MD"), then a paragraph that opens with a name and says who they are
 * ("Jane Doe is a freelance writer…"), and the paragraphs that go on about
 * them ("She lives…", "Jane holds…"). Content systems print it under every
 * article the writer signs. A paragraph about a person inside the article
 * has no such line before it, or a heading of the article's own ("Why trust
 * us").
 */
static void mark_author_box(chorus__junk *j, const chorus__junk_block *blocks, const block_shape *sh,
                            const article_shape *as, chorus__junk_verdict *out)
{
    size_t n = as->n, body_before = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        body_before += sh[i].body && !out[i].reason;
        const char *label = blocks[i].text, *bio = blocks[i + 1].text;
        size_t label_len = blocks[i].len, bio_len = blocks[i + 1].len;
        if (out[i].reason || out[i + 1].reason || sh[i].body || sh[i].words == 0 || sh[i].words > 12 ||
            !sh[i + 1].body || body_before < AUTHOR_BOX_MIN_BODY_BEFORE ||
            !match(j, PAT_BIO_OPENING, bio, bio_len))
            continue;
        size_t name_at, name_len;
        if (!first_name_word(bio, bio_len, &name_at, &name_len))
            continue;
        /* The label names the writer as the paragraph does, with their
         * degrees after a comma ("Jane Doe, MD"), or gives their role. */
        const char *comma = memchr(label, ',', label_len);
        size_t full = (size_t)(comma ? comma - label : 0);
        int names = comma && full > name_len + 1 && bio_len > name_at + full &&
                    memcmp(label, bio + name_at, full) == 0 && chorus__count_words(label, full) >= 2 &&
                    degrees_only(label + full, label_len - full);
        if (!names && !match(j, PAT_BIO_LABEL, label, label_len))
            continue;
        size_t end = i + 2;
        while (end < n && !out[end].reason && sh[end].body &&
               ((blocks[end].len > name_len && memcmp(blocks[end].text, bio + name_at, name_len) == 0 &&
                 blocks[end].text[name_len] == ' ') ||
                strncmp(blocks[end].text, "He ", 3) == 0 || strncmp(blocks[end].text, "She ", 4) == 0 ||
                strncmp(blocks[end].text, "They ", 5) == 0))
            end++;
        size_t body_after = 0;
        for (size_t k = end; k < n; k++)
            body_after += sh[k].body && !out[k].reason;
        if (body_after > AUTHOR_BOX_MAX_BODY_AFTER)
            continue;
        for (size_t k = i; k < end; k++)
            out[k].reason = CHORUS_JUNK_BIO;
        i = end - 1;
    }
}

int chorus__junk_classify(chorus__junk *j, const chorus__junk_block *blocks, size_t n,
                          const char *title, chorus__junk_verdict *out)
{
    new_subject(j);
    if (n == 0)
        return 0;
    block_shape *sh = calloc(n, sizeof *sh);
    if (!sh)
        return CHORUS_ENOMEM;
    article_shape as = {sh, n, n, n, n, title ? chorus__block_hash(title, strlen(title)) : 0, title,
                        title ? strlen(title) : 0};
    size_t total_chars = 0;
    /* Blocks come from cleaned text, which is valid UTF-8; checked once here
     * rather than by every pattern. */
    int multibyte;
    j->blocks_valid = 1;
    for (size_t i = 0; i < n && j->blocks_valid; i++)
        j->blocks_valid = chorus__utf8_valid_prefix(blocks[i].text, blocks[i].len, &multibyte) == blocks[i].len;
    for (size_t i = 0; i < n; i++) {
        const char *s = blocks[i].text;
        size_t len = blocks[i].len;
        memset(&out[i], 0, sizeof out[i]);
        size_t m = match(j, PAT_ARTEFACT, s, len);
        sh[i].prefix = m ? m - 1 : 0;
        sh[i].words = chorus__count_words(s + sh[i].prefix, len - sh[i].prefix);
        sh[i].ends = chorus__ends_sentence(s, len);
        sh[i].body = sh[i].words >= BODY_MIN_WORDS && sh[i].ends;
        sh[i].hash = sh[i].prefix || !blocks[i].hash
                         ? chorus__block_hash(s + sh[i].prefix, len - sh[i].prefix)
                         : blocks[i].hash;
        total_chars += len;
        if (sh[i].body) {
            if (as.first_body == n)
                as.first_body = i;
            else if (as.second_body == n)
                as.second_body = i;
            as.last_body = i;
        }
    }

    size_t chars_before = 0;
    for (size_t i = 0; i < n; i++) {
        sh[i].position = total_chars ? (double)chars_before / (double)total_chars : 0;
        chars_before += blocks[i].len;
    }

    /* Each block on its own; blocks inside a list or comment section that
     * a marker above opened are already judged. */
    for (size_t i = 0; i < n; i++)
        if (!out[i].reason)
            out[i].reason = judge_block(j, &blocks[i], &as, i, out);
    /* A block just judged junk may have stood for the article's first or
     * last paragraph (an affiliate disclosure above the text, an appeal
     * below it): the edges move in to the real paragraphs, and the blocks
     * now outside them are judged again as the edges' blocks are ("Last
     * updated on …" under a disclosure). */
    size_t first_kept = n, last_kept = n;
    for (size_t i = 0; i < n; i++)
        if (sh[i].body && !out[i].reason) {
            if (first_kept == n)
                first_kept = i;
            last_kept = i;
        }
    /* Notices about the page are cut from around an article; when they
     * were all its paragraphs, the text is a notice page, and stays whole
     * for notice.c to name. */
    if (first_kept == n)
        for (size_t i = 0; i < n; i++)
            if (out[i].reason == CHORUS_JUNK_PLACEHOLDER && sh[i].body &&
                page_notice(j, blocks[i].text, blocks[i].len, sh[i].words))
                out[i].reason = 0;
    if (first_kept != n && (first_kept != as.first_body || last_kept != as.last_body)) {
        size_t old_first = as.first_body, old_last = as.last_body;
        as.first_body = first_kept;
        as.last_body = last_kept;
        for (size_t i = 0; i < n; i++) {
            int moved = (i >= old_first && i < first_kept) || (i > last_kept && i <= old_last);
            if (moved && !out[i].reason)
                out[i].reason = judge_block(j, &blocks[i], &as, i, out);
        }
    }
    if (mark_repeats(sh, n, out)) {
        j->blocks_valid = 0;
        free(sh);
        return CHORUS_ENOMEM;
    }

    mark_author_box(j, blocks, sh, &as, out);

    /* Short fragments after the last real paragraph: author names, tags. */
    for (size_t i = n; as.last_body != n && i-- > as.last_body + 1;) {
        if (out[i].reason)
            continue;
        if (sh[i].words > TRAILING_MAX_WORDS || sh[i].ends)
            break;
        out[i].reason = CHORUS_JUNK_TRAILING;
    }

    for (size_t i = 0; i < n; i++) {
        if (out[i].reason)
            continue;
        out[i].strip_prefix = (uint32_t)sh[i].prefix;
        out[i].heading = sh[i].prefix || (sh[i].words <= 20 && !sh[i].ends);
    }
    j->blocks_valid = 0;
    free(sh);
    return 0;
}
