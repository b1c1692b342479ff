#!/usr/bin/env python3
"""Derives data/lang/fr/speech_verbs.txt from the GenderGapTracker list.

    python3 crates/quotes/scripts/speech_verbs.py \
        ../shared/data/quotes/french-speech-verbs.txt > data/lang/fr/speech_verbs.txt

The input (sfu-discourse-lab/GenderGapTracker @ 5501de3, MIT) is 4,037 inflected
forms without lemmas. This script groups them under their infinitive, drops the
lemmas that are not reporting verbs in news French (or are too often something
else), marks "weak" lemmas (reporting only with `que`, a colon, a quote or an
incise), and adds reporting verbs the list lacks, with their forms written out
by a small regular conjugator or by hand for irregular verbs.
"""
import sys
import unicodedata

# Not reporting verbs in news copy, or mostly something else there.
DROP = {
    "dancer", "demeurer", "entendre", "lire", "valoir", "vouloir", "savoir",
    "prévoir", "relever", "soulever", "remémorer", "extasier", "sourire",
    "soupirer", "gazouiller", "louanger", "croire", "trouver", "observer",
    "citer", "défendre", "attester", "informer", "illustrer",
    "résumer", "enchaîner",
}
# Reporting verbs only in a reporting frame (que, colon, quote, incise).
WEAK = {
    "soutenir", "lancer", "avancer", "noter", "constater", "rappeler",
    "adresser", "conclure", "confier", "considérer", "évoquer", "poursuivre",
    "justifier", "expliquer", "admettre", "exprimer", "saluer", "reconnaître",
    "proposer", "craindre", "redouter", "penser", "espérer", "souhaiter",
    "demander", "réclamer", "exiger", "accuser", "dénoncer", "critiquer",
    "plaider", "recommander", "appeler", "promettre", "ajouter", "répondre",
    "parler", "prévenir", "écrire", "reprendre", "répéter", "menacer",
    "inviter", "exhorter", "féliciter", "réjouir", "inquiéter", "interroger",
    "qualifier", "publier", "condamner", "regretter", "désoler", "nier",
    "démentir", "insister", "plaindre", "remarquer", "réagir", "annoncer",
    "tweeter", "témoigner", "prédire", "protester", "relater", "raconter",
    "rapporter", "commenter", "mentionner", "défendre", "fustiger",
}
MERGE = {"re-connaître": "reconnaître", "reconnaitre": "reconnaître", "preciser": "préciser"}

# Irregular verbs: forms written out (3rd persons, participles, infinitive).
IRREGULAR = {
    "dire": "dit dis disent disait disaient dira diront dirait diraient dirent dite dites disant dire",
    "écrire": "écrit écrivent écrivait écrivaient écrira écriront écrirait écriraient écrivit écrivirent écrite écrits écrites écrivant écrire",
    "promettre": "promet promettent promettait promettaient promettra promettront promettrait promettraient promit promirent promis promise promises promettant promettre",
    "admettre": "admet admettent admettait admettaient admettra admettrait admit admis admise admises admettant admettre",
    "prévenir": "prévient préviennent prévenait prévenaient préviendra préviendrait prévint prévinrent prévenu prévenue prévenus prévenues prévenant prévenir",
    "soutenir": "soutient soutiennent soutenait soutenaient soutiendra soutiendrait soutint soutinrent soutenu soutenue soutenus soutenues soutenant soutenir",
    "poursuivre": "poursuit poursuivent poursuivait poursuivaient poursuivra poursuivrait poursuivit poursuivirent poursuivi poursuivant poursuivre",
    "reconnaître": "reconnaît reconnait reconnaissent reconnaissait reconnaissaient reconnaîtra reconnaîtrait reconnut reconnurent reconnu reconnue reconnus reconnues reconnaissant reconnaître",
    "répondre": "répond répondent répondait répondaient répondra répondrait répondit répondirent répondu répondant répondre",
    "reprendre": "reprend reprennent reprenait reprenaient reprendra reprendrait reprit reprirent repris reprenant reprendre",
    "prétendre": "prétend prétendent prétendait prétendaient prétendra prétendrait prétendit prétendu prétendant prétendre",
    "démentir": "dément démentent démentait démentaient démentira démentirait démentit démenti démentie démentant démentir",
    "craindre": "craint craignent craignait craignaient craindra craindrait craignit craint craignant craindre",
    "plaindre": "plaint plaignent plaignait plaignaient plaignit plaint plainte plaignant plaindre",
    "conclure": "conclut concluent concluait concluaient conclura conclurait conclu conclue concluant conclure",
    "prédire": "prédit prédisent prédisait prédisaient prédira prédirait prédite prédisant prédire",
    "décrire": "décrit décrivent décrivait décrivaient décrira décrirait décrivit décrite décrivant décrire",
    "réagir": "réagit réagissent réagissait réagissaient réagira réagirait réagi réagissant réagir",
    "réjouir": "réjouit réjouissent réjouissait réjouissaient réjouira réjouirait réjouit réjoui réjouie réjouis réjouies réjouissant réjouir",
    "renchérir": "renchérit renchérissent renchérissait renchérissaient renchérira renchérirait renchéri renchérissant renchérir",
    "enjoindre": "enjoint enjoignent enjoignait enjoignaient enjoindra enjoindrait enjoignit enjoint enjointe enjoignant enjoindre",
    "avertir": "avertit avertissent avertissait avertissaient avertira avertirait averti avertie avertis averties avertissant avertir",
    "faire état": "fait_état font_état faisait_état faisaient_état fera_état feront_état ferait_état feraient_état fit_état firent_état faisant_état faire_état",
    "faire savoir": "fait_savoir font_savoir faisait_savoir faisaient_savoir fera_savoir ferait_savoir fit_savoir faisant_savoir faire_savoir",
    "mettre en garde": "met_en_garde mettent_en_garde mettait_en_garde mis_en_garde mise_en_garde mettant_en_garde mettre_en_garde",
    "faire part": "fait_part font_part faisait_part faisaient_part fera_part ferait_part fit_part faisant_part faire_part",
}
# Regular -er verbs whose stem changes its accent or doubles a consonant
# before a mute ending: the mute-ending stem.
MUTE_STEM = {"marteler": "martèl", "appeler": "appell", "rappeler": "rappell", "répéter": "répèt",
             "inquiéter": "inquièt", "espérer": "espèr", "considérer": "considèr", "suggérer": "suggèr",
             "alléguer": "allègu", "révéler": "révèl", "préférer": "préfèr", "déclarer": "déclar"}
ADDED_ER = [
    "marteler", "féliciter", "parler", "appeler", "qualifier", "exiger", "exclamer", "écrier",
    "crier", "murmurer", "hurler", "chuchoter", "répéter", "interroger", "questionner",
    "balbutier", "bredouiller", "exhorter", "inviter", "menacer", "nier", "regretter",
    "fustiger", "dénoncer", "demander", "accuser", "rappeler", "publier", "condamner",
    "déplorer", "s'exprimer", "lancer", "marmonner", "tempêter", "objecter", "indigner",
    "insurger", "alarmer", "réitérer", "réaffirmer", "jurer", "prôner", "implorer", "supplier",
    "conseiller", "vanter", "remercier", "juger", "engager",
]
# Verbs that report speech only as an incise ("« Rien », fit Douce",
# "souffla-t-il"): with their forms, written out.
INCISE = {
    "faire": "fit firent fait faisait faisaient fera",
    "souffler": "souffle soufflent soufflait soufflaient souffla soufflèrent soufflé",
    "glisser": "glisse glissent glissait glissaient glissa glissèrent glissé",
    "continuer": "continue continuent continuait continuaient continua continuèrent continué",
    "interrompre": "interrompt interrompent interrompait interrompaient interrompit interrompirent interrompu",
    "couper": "coupe coupent coupait coupaient coupa coupèrent coupé",
    "risquer": "risque risquent risquait risquaient risqua risquèrent risqué",
    "hasarder": "hasarde hasardent hasardait hasardaient hasarda hasardèrent hasardé",
    "soupirer": "soupire soupirent soupirait soupiraient soupira soupirèrent soupiré",
    "sourire": "sourit sourient souriait souriaient sourirent souri",
    "ricaner": "ricane ricanent ricanait ricanaient ricana ricanèrent ricané",
    "grommeler": "grommelle grommellent grommelait grommelaient grommela grommelèrent grommelé",
    "gronder": "gronde grondent grondait grondaient gronda grondèrent grondé",
    "approuver": "approuve approuvent approuvait approuvaient approuva approuvèrent approuvé",
    "acquiescer": "acquiesce acquiescent acquiesçait acquiesçaient acquiesça acquiescèrent acquiescé",
    "plaisanter": "plaisante plaisantent plaisantait plaisantaient plaisanta plaisantèrent plaisanté",
    "bégayer": "bégaie bégaye bégaient bégayait bégayaient bégaya bégayèrent bégayé",
}
WEAK |= {"engager", "indigner", "insurger", "alarmer", "jurer", "prôner", "implorer", "supplier",
         "conseiller", "vanter", "enjoindre", "remercier", "juger", "renchérir", "exclamer", "écrier", "crier", "murmurer", "hurler", "chuchoter", "questionner",
         "balbutier", "bredouiller", "marmonner", "tempêter", "objecter"}


def fold(s):
    s = unicodedata.normalize("NFD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def regular_er(inf):
    stem = inf[:-2]
    if inf.endswith("ger"):
        soft = stem + "e"
    elif inf.endswith("cer"):
        soft = stem[:-1] + "ç"
    else:
        soft = stem
    mute = MUTE_STEM.get(inf, stem)
    return {inf, mute + "e", mute + "ent", mute + "es", soft + "ons", stem + "ez",
            soft + "ait", soft + "aient", soft + "ais", soft + "a", stem + "èrent", soft + "ant",
            mute + "era", mute + "eront", mute + "erait", mute + "eraient",
            stem + "é", stem + "ée", stem + "és", stem + "ées"}


def main(path):
    forms = [l.strip() for l in open(path, encoding="utf-8") if l.strip()]
    forms = [f.replace(" ", "_") for f in forms]
    fset = set(forms)
    folded_inf = {fold(f) for f in forms if f.endswith(("er", "ir", "oir"))}
    infinitives = set()
    for f in forms:
        if f.endswith(("er", "ir", "oir")) or (f.endswith("re") and fold(f) + "r" not in folded_inf
                                               and fold(f)[:-2] + "er" not in folded_inf):
            infinitives.add(MERGE.get(f, f))
    infinitives = {i for i in infinitives if "_" not in i}
    groups = {i: set() for i in infinitives}
    for f in forms:
        if "_" in f or f in MERGE:
            continue
        ff = fold(f)
        best, bl = None, -1
        for i in sorted(infinitives, key=len):
            fi = fold(i)
            n = 0
            while n < min(len(ff), len(fi)) and ff[n] == fi[n]:
                n += 1
            if n > bl:
                best, bl = i, n
        # a form keeps at most the last letter of its infinitive's stem unshared
        stem = fold(best or "")[:-3 if (best or "").endswith(("oir", "dre", "tre")) else -2]
        if best is not None and bl >= max(2, len(stem) - 1):
            groups[best].add(f)
    for inf in ADDED_ER:
        lemma = inf.replace("s'", "")
        groups.setdefault(lemma, set()).update(regular_er(lemma))
    for lemma, fs in IRREGULAR.items():
        groups.setdefault(lemma, set()).update(fs.split())
    for lemma in list(groups):
        if lemma.endswith("er") and lemma not in IRREGULAR and " " not in lemma:
            groups[lemma] |= regular_er(lemma)
    print("# French reporting verbs for crates/quotes: `lemma [weak]: forms`, one lemma a line.")
    print("# Derived by crates/quotes/scripts/speech_verbs.py from the GenderGapTracker list")
    print("# (sfu-discourse-lab/GenderGapTracker @ 5501de3, MIT): forms grouped under their")
    print("# infinitive, lemmas that are rarely reporting verbs in the press dropped, verbs")
    print("# the list lacks added (marteler, féliciter, parler, appeler, faire état…).")
    print("# `weak`: a reporting verb only in a reporting frame (que, colon, quote, incise).")
    print("# `incise`: a reporting verb only as an incise, its subject after it (fit-il).")
    print("# Multiword forms join their words with `_`.")
    for lemma in sorted(groups, key=fold):
        if lemma in DROP or not groups[lemma]:
            continue
        flag = " weak" if lemma in WEAK else ""
        name = lemma.replace(" ", "_")
        print(f"{name}{flag}: " + " ".join(sorted(groups[lemma], key=fold)))
    for lemma in sorted(INCISE, key=fold):
        print(f"{lemma} incise: " + " ".join(sorted(set(INCISE[lemma].split()), key=fold)))


if __name__ == "__main__":
    main(sys.argv[1])
