/* stopwords.c - function words per language, which carry no topic.
 *
 * The lists are short on purpose: articles, pronouns, auxiliaries,
 * prepositions, conjunctions and the commonest adverbs. Reporting verbs
 * ("said") are included because every news article uses them. Anything
 * frequent but topical is left to inverse document frequency. Chinese and
 * Japanese are read a character at a time (token.h): their lists hold the
 * characters that work as function words, for Japanese the whole hiragana
 * syllabary, in which its particles and endings are written (its content
 * words are written in kanji and katakana). Each list is sorted in byte
 * order so that lookups can bisect it. */
#include "stopwords.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *word;
    size_t len;
} stopword;

/* A word with its length, so that lookups never measure strings. */
#define W(s) {s, sizeof(s) - 1}

static const stopword en_words[] = {
    W("a"), W("about"), W("above"), W("after"), W("again"), W("against"), W("all"), W("also"), W("am"), W("an"), W("and"), W("any"),
    W("are"), W("aren't"), W("as"), W("at"), W("be"), W("because"), W("been"), W("before"), W("being"), W("below"), W("between"),
    W("both"), W("but"), W("by"), W("can"), W("can't"), W("cannot"), W("could"), W("couldn't"), W("did"), W("didn't"), W("do"),
    W("does"), W("doesn't"), W("doing"), W("don't"), W("down"), W("during"), W("each"), W("even"), W("ever"), W("few"), W("for"),
    W("from"), W("further"), W("had"), W("hadn't"), W("has"), W("hasn't"), W("have"), W("haven't"), W("having"), W("he"),
    W("he'd"), W("he'll"), W("he's"), W("her"), W("here"), W("here's"), W("hers"), W("herself"), W("him"), W("himself"),
    W("his"), W("how"), W("how's"), W("however"), W("i"), W("i'd"), W("i'll"), W("i'm"), W("i've"), W("if"), W("in"), W("into"),
    W("is"), W("isn't"), W("it"), W("it's"), W("its"), W("itself"), W("just"), W("let's"), W("many"), W("may"), W("me"), W("might"),
    W("more"), W("most"), W("much"), W("must"), W("mustn't"), W("my"), W("myself"), W("no"), W("nor"), W("not"), W("now"), W("of"),
    W("off"), W("on"), W("once"), W("one"), W("only"), W("or"), W("other"), W("ought"), W("our"), W("ours"), W("ourselves"),
    W("out"), W("over"), W("own"), W("per"), W("said"), W("same"), W("say"), W("says"), W("shall"), W("shan't"), W("she"),
    W("she'd"), W("she'll"), W("she's"), W("should"), W("shouldn't"), W("since"), W("so"), W("some"), W("still"), W("such"),
    W("than"), W("that"), W("that's"), W("the"), W("their"), W("theirs"), W("them"), W("themselves"), W("then"), W("there"),
    W("there's"), W("these"), W("they"), W("they'd"), W("they'll"), W("they're"), W("they've"), W("this"), W("those"),
    W("though"), W("through"), W("thus"), W("to"), W("too"), W("under"), W("until"), W("up"), W("upon"), W("us"), W("very"),
    W("was"), W("wasn't"), W("we"), W("we'd"), W("we'll"), W("we're"), W("we've"), W("were"), W("weren't"), W("what"),
    W("what's"), W("when"), W("when's"), W("where"), W("where's"), W("whether"), W("which"), W("while"), W("who"), W("who's"),
    W("whom"), W("whose"), W("why"), W("why's"), W("will"), W("with"), W("within"), W("without"), W("won't"), W("would"),
    W("wouldn't"), W("yet"), W("you"), W("you'd"), W("you'll"), W("you're"), W("you've"), W("your"), W("yours"),
    W("yourself"), W("yourselves"),
};

static const stopword ar_words[] = {
    W("أما"), W("أن"), W("أنا"), W("أنه"), W("أنها"), W("أو"), W("أي"), W("أيضا"), W("إذا"), W("إلا"),
    W("إلى"), W("إن"), W("إنه"), W("إنها"), W("اذا"), W("الا"), W("التي"), W("الذي"), W("الذين"), W("اللذين"),
    W("الى"), W("اما"), W("ان"), W("انا"), W("انه"), W("انها"), W("او"), W("اي"), W("ايضا"), W("بأن"),
    W("بان"), W("بعد"), W("به"), W("بها"), W("بهم"), W("بين"), W("تكون"), W("تلك"), W("ثم"), W("حتى"),
    W("حيث"), W("خلال"), W("ذلك"), W("على"), W("عليه"), W("عليها"), W("عليهم"), W("عن"), W("عند"), W("غير"),
    W("فى"), W("في"), W("فيه"), W("فيها"), W("فيهم"), W("قال"), W("قالت"), W("قبل"), W("قد"), W("كان"),
    W("كانت"), W("كذلك"), W("كل"), W("كما"), W("لا"), W("لقد"), W("لكن"), W("لم"), W("لن"), W("له"), W("لها"),
    W("لهم"), W("ليس"), W("ما"), W("مع"), W("من"), W("منذ"), W("منه"), W("منها"), W("منهم"), W("نحن"),
    W("هذا"), W("هذه"), W("هم"), W("هن"), W("هنا"), W("هناك"), W("هو"), W("هي"), W("وأن"), W("وإلى"),
    W("وان"), W("وذلك"), W("وعلى"), W("وفي"), W("وقال"), W("وقالت"), W("وقد"), W("وكان"), W("وكانت"),
    W("ولكن"), W("ومن"), W("وهو"), W("وهي"), W("يكون"),
};

static const stopword de_words[] = {
    W("aber"), W("alle"), W("als"), W("am"), W("an"), W("auch"), W("auf"), W("aus"), W("bei"), W("bin"), W("bis"), W("bist"), W("da"),
    W("damit"), W("dann"), W("das"), W("dass"), W("dem"), W("den"), W("denn"), W("der"), W("des"), W("die"), W("dies"), W("diese"),
    W("diesem"), W("diesen"), W("dieser"), W("dieses"), W("doch"), W("dort"), W("du"), W("durch"), W("ein"), W("eine"),
    W("einem"), W("einen"), W("einer"), W("eines"), W("er"), W("es"), W("etwa"), W("für"), W("gegen"), W("hat"), W("hatte"),
    W("hatten"), W("ich"), W("ihr"), W("ihre"), W("ihrem"), W("ihren"), W("ihrer"), W("im"), W("in"), W("ist"), W("ja"), W("kann"),
    W("kein"), W("keine"), W("man"), W("mehr"), W("mit"), W("nach"), W("nicht"), W("noch"), W("nun"), W("nur"), W("ob"), W("oder"),
    W("ohne"), W("sagte"), W("sei"), W("sein"), W("seine"), W("seinem"), W("seinen"), W("seiner"), W("sich"), W("sie"),
    W("sind"), W("so"), W("soll"), W("sollen"), W("um"), W("und"), W("uns"), W("unter"), W("vom"), W("von"), W("vor"), W("war"),
    W("waren"), W("was"), W("weil"), W("wenn"), W("werden"), W("wie"), W("wieder"), W("will"), W("wir"), W("wird"), W("wurde"),
    W("wurden"), W("zu"), W("zum"), W("zur"), W("über"),
};

static const stopword fr_words[] = {
    W("a"), W("au"), W("aussi"), W("aux"), W("avait"), W("avec"), W("c'est"), W("ce"), W("cela"), W("ces"), W("cette"), W("comme"),
    W("d'un"), W("d'une"), W("dans"), W("de"), W("des"), W("du"), W("elle"), W("elles"), W("en"), W("est"), W("et"), W("eux"), W("il"),
    W("ils"), W("je"), W("l'a"), W("la"), W("le"), W("les"), W("leur"), W("leurs"), W("lui"), W("mais"), W("me"), W("mes"), W("mon"),
    W("ne"), W("nous"), W("on"), W("ont"), W("ou"), W("où"), W("par"), W("pas"), W("plus"), W("pour"), W("qu'il"), W("que"), W("qui"),
    W("sa"), W("sans"), W("se"), W("selon"), W("ses"), W("son"), W("sont"), W("sur"), W("ta"), W("te"), W("tous"), W("tout"), W("un"),
    W("une"), W("vous"), W("y"), W("à"), W("été"), W("être"),
};

static const stopword es_words[] = {
    W("a"), W("al"), W("como"), W("con"), W("de"), W("del"), W("dijo"), W("el"), W("ella"), W("ellos"), W("en"), W("entre"), W("era"),
    W("es"), W("esta"), W("este"), W("esto"), W("está"), W("están"), W("fue"), W("ha"), W("han"), W("hay"), W("la"), W("las"), W("le"),
    W("les"), W("lo"), W("los"), W("más"), W("ni"), W("no"), W("nos"), W("o"), W("para"), W("pero"), W("por"), W("que"), W("se"),
    W("ser"), W("si"), W("sin"), W("sobre"), W("son"), W("su"), W("sus"), W("también"), W("un"), W("una"), W("uno"), W("y"), W("ya"),
    W("él"),
};

static const stopword it_words[] = {
    W("a"), W("ad"), W("al"), W("alla"), W("anche"), W("che"), W("ci"), W("come"), W("con"), W("da"), W("dal"), W("dalla"), W("dei"),
    W("del"), W("della"), W("delle"), W("di"), W("e"), W("gli"), W("ha"), W("hanno"), W("i"), W("il"), W("in"), W("la"), W("le"), W("lo"),
    W("ma"), W("nel"), W("nella"), W("non"), W("per"), W("più"), W("se"), W("si"), W("sono"), W("su"), W("sua"), W("suo"), W("tra"),
    W("un"), W("una"), W("uno"), W("è"),
};

static const stopword pl_words[] = {
    W("a"), W("aby"), W("ale"), W("bardzo"), W("bez"), W("być"), W("był"), W("była"), W("było"), W("były"),
    W("będzie"), W("co"), W("czy"), W("dla"), W("do"), W("gdy"), W("gdzie"), W("go"), W("i"), W("ich"),
    W("jak"), W("jako"), W("jednak"), W("jego"), W("jej"), W("jest"), W("jeszcze"), W("już"), W("która"),
    W("które"), W("który"), W("lub"), W("może"), W("mu"), W("na"), W("nad"), W("nie"), W("o"), W("od"),
    W("oraz"), W("po"), W("pod"), W("przez"), W("przy"), W("się"), W("sobie"), W("są"), W("ta"), W("tak"),
    W("także"), W("te"), W("tego"), W("tej"), W("temu"), W("ten"), W("też"), W("to"), W("tych"), W("tylko"),
    W("tym"), W("u"), W("w"), W("we"), W("więc"), W("z"), W("za"), W("ze"), W("że"),
};

static const stopword pt_words[] = {
    W("a"), W("ao"), W("aos"), W("as"), W("com"), W("como"), W("da"), W("das"), W("de"), W("do"), W("dos"), W("e"), W("ela"), W("ele"),
    W("em"), W("entre"), W("era"), W("foi"), W("há"), W("isso"), W("já"), W("mais"), W("mas"), W("na"), W("nas"), W("no"), W("nos"),
    W("não"), W("o"), W("os"), W("ou"), W("para"), W("pela"), W("pelo"), W("por"), W("que"), W("se"), W("seu"), W("sua"), W("são"),
    W("também"), W("um"), W("uma"), W("à"), W("é"),
};

static const stopword ja_words[] = {
    W("ぁ"), W("あ"), W("ぃ"), W("い"), W("ぅ"), W("う"), W("ぇ"), W("え"), W("ぉ"), W("お"), W("か"), W("が"), W("き"),
    W("ぎ"), W("く"), W("ぐ"), W("け"), W("げ"), W("こ"), W("ご"), W("さ"), W("ざ"), W("し"), W("じ"), W("す"), W("ず"),
    W("せ"), W("ぜ"), W("そ"), W("ぞ"), W("た"), W("だ"), W("ち"), W("ぢ"), W("っ"), W("つ"), W("づ"), W("て"), W("で"),
    W("と"), W("ど"), W("な"), W("に"), W("ぬ"), W("ね"), W("の"), W("は"), W("ば"), W("ぱ"), W("ひ"), W("び"), W("ぴ"),
    W("ふ"), W("ぶ"), W("ぷ"), W("へ"), W("べ"), W("ぺ"), W("ほ"), W("ぼ"), W("ぽ"), W("ま"), W("み"), W("む"), W("め"),
    W("も"), W("ゃ"), W("や"), W("ゅ"), W("ゆ"), W("ょ"), W("よ"), W("ら"), W("り"), W("る"), W("れ"), W("ろ"), W("ゎ"),
    W("わ"), W("ゐ"), W("ゑ"), W("を"), W("ん"), W("ゔ"), W("ゕ"), W("ゖ"), W("ゝ"), W("ゞ"),
};

static const stopword nl_words[] = {
    W("aan"), W("al"), W("als"), W("bij"), W("dan"), W("dat"), W("de"), W("die"), W("dit"), W("door"), W("een"), W("en"), W("er"),
    W("het"), W("hij"), W("in"), W("is"), W("je"), W("maar"), W("met"), W("naar"), W("niet"), W("nog"), W("of"), W("om"), W("ook"),
    W("op"), W("over"), W("te"), W("tot"), W("uit"), W("van"), W("voor"), W("was"), W("wat"), W("werd"), W("wordt"), W("ze"),
    W("zich"), W("zijn"),
};

static const stopword ru_words[] = {
    W("а"), W("без"), W("бы"), W("был"), W("была"), W("были"), W("было"), W("в"), W("во"), W("вы"), W("да"), W("для"), W("до"), W("его"),
    W("ее"), W("если"), W("есть"), W("же"), W("за"), W("и"), W("из"), W("или"), W("им"), W("их"), W("к"), W("как"), W("ли"), W("мы"),
    W("на"), W("не"), W("но"), W("о"), W("об"), W("он"), W("она"), W("они"), W("оно"), W("от"), W("по"), W("при"), W("с"), W("так"),
    W("также"), W("то"), W("того"), W("только"), W("у"), W("уже"), W("что"), W("это"), W("этот"),
};

static const stopword tr_words[] = {
    W("ama"), W("ancak"), W("arasında"), W("ayrıca"), W("ben"), W("bile"), W("bir"), W("biri"), W("biz"),
    W("bu"), W("buna"), W("bunlar"), W("bunu"), W("bunun"), W("da"), W("daha"), W("de"), W("dedi"),
    W("değil"), W("diye"), W("en"), W("gibi"), W("göre"), W("hem"), W("her"), W("hiç"), W("ile"), W("ise"),
    W("için"), W("kadar"), W("karşı"), W("ki"), W("mi"), W("mu"), W("mü"), W("mı"), W("nasıl"), W("ne"),
    W("neden"), W("o"), W("olan"), W("olarak"), W("olduğu"), W("olduğunu"), W("ona"), W("onlar"), W("onu"),
    W("onun"), W("sadece"), W("sen"), W("siz"), W("sonra"), W("tarafından"), W("var"), W("ve"), W("veya"),
    W("ya"), W("yani"), W("yok"), W("çok"), W("önce"), W("üzerinde"), W("şey"), W("şu"),
};

struct chorus__stoplist {
    const char *lang;
    const stopword *words;
    size_t count;
};

#define LIST(code, arr) {code, arr, sizeof(arr) / sizeof(arr[0])}
static const stopword zh_words[] = {
    W("与"), W("个"), W("为"), W("之"), W("也"), W("了"), W("于"), W("从"), W("他"), W("以"), W("们"), W("但"), W("你"),
    W("其"), W("又"), W("及"), W("吗"), W("吧"), W("呢"), W("和"), W("因"), W("在"), W("她"), W("它"), W("对"), W("将"),
    W("就"), W("已"), W("并"), W("很"), W("我"), W("或"), W("所"), W("把"), W("是"), W("此"), W("的"), W("着"), W("等"),
    W("而"), W("被"), W("该"), W("过"), W("还"), W("这"), W("那"), W("都"),
};

/* The lists that also identify their language (langid.c): their words
 * are rarely words of another listed language, or not in the numbers
 * that decide. */
static const chorus__stoplist lists[] = {
    LIST("de", de_words), LIST("en", en_words), LIST("es", es_words), LIST("fr", fr_words),
    LIST("it", it_words), LIST("nl", nl_words), LIST("pt", pt_words), LIST("ru", ru_words),
};
/* Lists that only mark function words, for languages the script or the
 * n-gram models identify: Polish "a", "to", "do", "we" and Turkish "o", "de", "en" are
 * English or Romance words as well, and would leave an English headline
 * undecided. Without them, a mixed corpus counts a language's function
 * words as rare words (they are rare in the other languages) and makes a
 * story of every text in that language. */
static const chorus__stoplist stop_only[] = {
    LIST("ar", ar_words), LIST("ja", ja_words), LIST("pl", pl_words), LIST("tr", tr_words), LIST("zh", zh_words),
};

const chorus__stoplist *chorus__stoplist_for(const char *lang)
{
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
        if (strcmp(lists[i].lang, lang) == 0)
            return &lists[i];
    for (size_t i = 0; i < sizeof stop_only / sizeof stop_only[0]; i++)
        if (strcmp(stop_only[i].lang, lang) == 0)
            return &stop_only[i];
    return NULL;
}

const chorus__stoplist *chorus__stoplist_at(size_t i)
{
    return i < sizeof lists / sizeof lists[0] ? &lists[i] : NULL;
}

const char *chorus__stoplist_lang(const chorus__stoplist *list)
{
    return list->lang;
}

size_t chorus__stoplist_size(const chorus__stoplist *list)
{
    return list->count;
}

const char *chorus__stoplist_word(const chorus__stoplist *list, size_t k, size_t *len)
{
    *len = list->words[k].len;
    return list->words[k].word;
}

int chorus__stoplist_has(const chorus__stoplist *list, const char *w, size_t len)
{
    if (!list)
        return 0;
    size_t lo = 0, hi = list->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const stopword *sw = &list->words[mid];
        size_t n = len < sw->len ? len : sw->len;
        int c = (unsigned char)w[0] - (unsigned char)sw->word[0];
        if (c == 0 && n > 1)
            c = memcmp(w + 1, sw->word + 1, n - 1);
        if (c == 0)
            c = (len > sw->len) - (len < sw->len);
        if (c == 0)
            return 1;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}

int chorus__is_stopword(const char *lang, const char *w, size_t len)
{
    return chorus__stoplist_has(chorus__stoplist_for(lang), w, len);
}
