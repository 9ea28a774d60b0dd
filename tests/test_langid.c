/* test_langid.c - language identification. */
#include "langid.h"
#include "runner.h"

typedef struct {
    const char *text;
    const char *code;
} lang_case;

/* Short news-like paragraphs written for these tests. */
static const lang_case cases[] = {
    {"The council approved the budget on Monday after a long debate, and the mayor said the new "
     "plan would be reviewed again in the autumn when the tax figures are known.", "en"},
    {"Der Stadtrat hat am Montag nach einer langen Debatte den Haushalt beschlossen, und der "
     "Bürgermeister sagte, der Plan werde im Herbst noch einmal geprüft.", "de"},
    {"Le conseil municipal a adopté le budget lundi après un long débat, et le maire a dit que le "
     "plan serait revu à l'automne quand les chiffres seront connus.", "fr"},
    {"El consejo municipal aprobó el presupuesto el lunes tras un largo debate, y el alcalde dijo "
     "que el plan se revisará en otoño cuando se conozcan las cifras.", "es"},
    {"Il consiglio comunale ha approvato il bilancio lunedì dopo un lungo dibattito, e il sindaco "
     "ha detto che il piano sarà rivisto in autunno quando le cifre saranno note.", "it"},
    {"Kommunfullmäktige godkände budgeten på måndagen efter en lång debatt, och borgmästaren sade "
     "att planen ska ses över igen i höst när skattesiffrorna är kända.", "sv"},
    /* Headlines: few words, but function words still tell. */
    {"Fed official says weak data was caused by the weather, not by the economy", "en"},
    {"Regierung will die Steuer auf Benzin im nächsten Jahr senken", "de"},
    /* Scripts of one language: decided without statistics, even around a Latin name. */
    {"市议会周一经过长时间辩论后批准了预算，市长 Anna Berg 表示该计划将在秋季再次审查。", "zh"},
    {"市議会は月曜日、長い議論の末に予算を承認し、市長は秋に計画を見直すと述べた。", "ja"},
    {"시의회는 월요일 긴 토론 끝에 예산을 승인했으며 시장은 가을에 계획을 다시 검토하겠다고 말했다.", "ko"},
    {"Το δημοτικό συμβούλιο ενέκρινε τον προϋπολογισμό τη Δευτέρα μετά από μακρά συζήτηση.", "el"},
};

static void detects_languages(test_ctx *t)
{
    chorus__langid *lid = chorus__langid_new();
    if (!lid) {
        test_skip(t, "libexttextcat language models are not installed");
        return;
    }
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char code[8];
        chorus__langid_detect(lid, cases[i].text, strlen(cases[i].text), code);
        CHECK_STR(t, code, cases[i].code);
    }
    chorus__langid_free(lid);
}

static void too_short_is_undetermined(test_ctx *t)
{
    chorus__langid *lid = chorus__langid_new();
    char code[8];
    chorus__langid_detect(lid, "Hi", 2, code);
    CHECK_STR(t, code, "und");
    chorus__langid_free(lid);
    chorus__langid_free(NULL);
}

const test_case langid_tests[] = {
    {"detects languages", detects_languages},
    {"too short is undetermined", too_short_is_undetermined},
    {NULL, NULL},
};
