/* generate_text: the generator's vocabulary and sentences and how it fills them in, for both backends'
 * generators (definitions: each generator includes it once). */
#ifndef PLENARY_GENERATE_TEXT_H
#define PLENARY_GENERATE_TEXT_H

#include "core/buf.h"

static const char *const drugs[] = {
    "pembrolizumab", "nivolumab",   "atezolizumab", "durvalumab",  "osimertinib",  "trastuzumab deruxtecan",
    "sacituzumab",   "olaparib",    "abemaciclib",  "ribociclib",  "enfortumab",   "lorlatinib",
    "alectinib",     "sotorasib",   "adagrasib",    "belzutifan",  "cabozantinib", "lenvatinib",
    "tucatinib",     "datopotamab", "capivasertib", "elacestrant", "zanubrutinib", "tarlatamab"};
static const char *const diseases[] = {"triple-negative breast cancer",
				       "HER2-positive breast cancer",
				       "HR-positive breast cancer",
				       "non-small cell lung cancer",
				       "small cell lung cancer",
				       "renal cell carcinoma",
				       "urothelial carcinoma",
				       "prostate cancer",
				       "colorectal cancer",
				       "gastric cancer",
				       "hepatocellular carcinoma",
				       "pancreatic cancer",
				       "melanoma",
				       "ovarian cancer",
				       "endometrial cancer",
				       "head and neck cancer"};
static const char *const settings[] = {"adjuvant",    "neoadjuvant",   "first-line", "second-line",
				       "maintenance", "perioperative", "metastatic", "early-stage"};
static const char *const endpoints[] = {"overall survival",
					"progression-free survival",
					"invasive disease-free survival",
					"pathological complete response",
					"objective response rate",
					"event-free survival",
					"quality of life",
					"time to deterioration"};
static const char *const angles[] = {"what the data mean for practice", "the questions that remain",
				     "how to select patients",		"managing toxicity in clinic",
				     "reading the subgroup analyses",	"biomarkers and next steps",
				     "the view from the podium",	"a closer look at the safety data"};
/* Sentences of a body: a broad pool, so that a phrase is in a fraction of the articles, as in real
 * coverage, while the common words of the field (patients, survival, treatment) are in most of them. */
static const char *const sentences[] = {
    "The trial randomised patients with {d} to {x} or standard therapy.",
    "At the data cut-off the hazard ratio in {d} favoured the experimental arm.",
    "Investigators reported that {x} was well tolerated, with manageable adverse events.",
    "Subgroup analyses by PD-L1 status and ctDNA suggested a consistent effect.",
    "Longer follow-up will show whether the benefit in {d} holds.",
    "In clinic, the choice of {x} depends on prior treatment and comorbidities.",
    "Quality-of-life measures were maintained throughout the treatment period.",
    "The discussant questioned the choice of control arm and the crossover rate.",
    "Translational work on tissue and blood samples is ongoing.",
    "For now, guidelines are likely to adopt the regimen for selected patients.",
    "Median overall survival was not reached in the experimental arm.",
    "Progression-free survival improved by several months compared with chemotherapy.",
    "Grade 3 or higher adverse events occurred in about a third of patients.",
    "Interstitial lung disease remains the toxicity to watch with {x}.",
    "Dose reductions were needed in a minority of patients, mostly for fatigue.",
    "Patient-reported outcomes favoured {x} on pain and physical function.",
    "The population was enriched for high-risk features such as nodal involvement.",
    "Real-world data from registries in {d} broadly confirm the trial results.",
    "Health-economic analyses will matter for reimbursement in Europe.",
    "Biomarker testing at diagnosis is now essential in {d}.",
    "Next-generation sequencing identified actionable alterations in many tumours.",
    "Minimal residual disease testing could guide the duration of therapy.",
    "Imaging response was assessed by blinded independent central review.",
    "The primary endpoint was met at the first interim analysis.",
    "Secondary endpoints included response rate, duration of response and safety.",
    "Central nervous system metastases were less frequent with {x}.",
    "Older patients derived a similar benefit to younger ones.",
    "Treatment discontinuation due to adverse events was uncommon.",
    "Surgery after neoadjuvant therapy was not delayed by toxicity.",
    "Pathological complete response correlated with event-free survival.",
    "Radiotherapy was given according to local practice.",
    "A sequencing question remains: what to give after progression on {x}?",
    "Cross-trial comparisons should be made with caution.",
    "The open-label design may have influenced the reporting of symptoms.",
    "Enrolment was global, with many patients from Asia.",
    "Combination with an immune checkpoint inhibitor is being tested in a phase 3 trial.",
    "Hepatotoxicity was reversible with dose interruption.",
    "Neutropenia was managed with growth factor support.",
    "The antibody-drug conjugate delivers its payload to cells expressing the target.",
    "Oral administration makes {x} convenient for long-term maintenance.",
    "Exploratory analyses suggested benefit regardless of hormone receptor status.",
    "Circulating tumour DNA clearance was associated with longer survival.",
    "The control arm reflected standard of care at the time of enrolment.",
    "Survivorship care should address cardiotoxicity and fertility.",
    "Multidisciplinary tumour boards will need to weigh these data.",
    "Access to {x} varies widely between countries.",
    "The benefit was larger in patients with a good performance status.",
    "Hazard ratios for death were consistent across prespecified subgroups.",
    "Early-onset disease raises questions about screening in younger adults.",
    "Geriatric assessment helps select older patients for intensive treatment.",
    "Infusion-related reactions were mostly mild and occurred at the first dose.",
    "Endocrine toxicities such as hypothyroidism require long-term monitoring.",
    "The trial closed early after a planned futility analysis in one cohort.",
    "Mature data on {d} are expected at next year's meeting.",
    "Caregivers and patients value treatment-free intervals.",
    "The study used a stratified design by region and prior therapy.",
    "Tumour mutational burden did not predict benefit in this setting.",
    "Rash and diarrhoea were the most common low-grade events.",
    "Adherence to oral therapy was high over the first year.",
    "The speaker called for trials that include under-represented populations."};

/* A small deterministic generator: the same count gives the same articles on every machine. */
static unsigned long long next(unsigned long long *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}
#define PICK(x, arr) (arr[next(x) % (sizeof arr / sizeof *arr)])

/* A sentence with {d} for the disease and {x} for the drug. */
static void fill(buf *b, const char *pattern, const char *disease, const char *drug)
{
	for (const char *p = pattern; *p; p++) {
		if (p[0] == '{' && (p[1] == 'd' || p[1] == 'x') && p[2] == '}') {
			buf_adds(b, p[1] == 'd' ? disease : drug);
			p += 2;
		} else {
			buf_addc(b, *p);
		}
	}
	buf_addc(b, ' ');
}

/* The text of the i-th generated article (from 0): what both backends' generators write. */
struct generated {
	char title[300], slug[300], summary[400];
	const char *body; /* in the pool */
	const char *kind, *audience;
};

/* Draws the i-th article's text from x, in the order the generated sites depend on. */
static void generate_text(h2o_mem_pool_t *pool, unsigned long long *x, size_t i, struct generated *out)
{
	const char *drug = PICK(x, drugs), *disease = PICK(x, diseases), *endpoint = PICK(x, endpoints);
	snprintf(out->title, sizeof out->title, "%s%s in %s %s: %s", i % 7 == 0 ? "Updated data: " : "", drug,
		 PICK(x, settings), disease, PICK(x, angles));
	out->title[0] =
	    (char)(out->title[0] >= 'a' && out->title[0] <= 'z' ? out->title[0] - 32 : out->title[0]);
	snprintf(out->slug, sizeof out->slug, "generated-%zu", i + 1);
	buf body;
	buf_init(&body, pool);
	for (int para = 0; para < 4; para++) {
		if (para == 1)
			buf_printf(&body, "## %s\n\n", endpoint);
		for (int k = 0; k < 4; k++)
			fill(&body, PICK(x, sentences), disease, drug);
		buf_adds(&body, "\n\n");
	}
	out->body = buf_cstr(&body);
	snprintf(out->summary, sizeof out->summary,
		 "New %s data for %s in %s, and what they mean for patients.", endpoint, drug, disease);
	out->kind = i % 5 == 0 ? "report" : i % 3 == 0 ? "news" : "interview";
	out->audience = i % 6 == 0 ? "hcp" : "public";
}

#endif
