-- Plenary demo content: three sister sites (oncology, dermatology, hematology) with congresses, faculty,
-- trials, interviews, references, sponsors, tags, revisions, static pages and menus.
-- Run by `plenary demo DB` on an empty database after the migrations, inside one transaction.
-- Trial facts come from public presentations and publications; every expert, institutional study and sponsor
-- named here is fictional. Times are UTC.

-- Sites
INSERT INTO site (id, slug, name, specialty, host, tagline, is_default, position) VALUES
  (1, 'oncology', 'Plenary Oncology', 'Oncology', 'oncology.localhost', 'Expert interviews and congress reports for oncology professionals', 1, 0),
  (2, 'dermatology', 'Plenary Dermatology', 'Dermatology', 'dermatology.localhost', 'Congress coverage and expert views in dermatology and dermato-oncology', 0, 1),
  (3, 'hematology', 'Plenary Hematology', 'Hematology', 'hematology.localhost', 'Expert interviews from the major haematology meetings', 0, 2);
-- the oncology site is read in English, French and Dutch (issue 20); its sisters in English only
UPDATE site SET languages = 'fr nl' WHERE id = 1;

-- Sections
INSERT INTO section (id, site_id, slug, name, description, position) VALUES
  (1, 1, 'breast-cancer', 'Breast Cancer', 'Early and metastatic breast cancer: systemic therapy, surgery, radiotherapy and survivorship.', 0),
  (2, 1, 'gi-cancer', 'GI Cancer', 'Colorectal, gastro-oesophageal, pancreatic, hepatobiliary and neuroendocrine tumours of the digestive tract.', 1),
  (3, 1, 'gu-cancer', 'GU Cancer', 'Prostate, bladder, kidney and testicular cancers, from localised disease to metastatic care.', 2),
  (4, 1, 'lung-cancer', 'Lung Cancer', 'Non-small-cell and small-cell lung cancer, thoracic tumours, screening and targeted therapy.', 3),
  (5, 2, 'melanoma-skin-cancer', 'Melanoma & Skin Cancer', 'Melanoma, keratinocyte cancers and skin cancer prevention, surveillance and systemic therapy.', 0),
  (6, 2, 'atopic-dermatitis-psoriasis', 'Atopic Dermatitis & Psoriasis', 'Chronic inflammatory skin disease, from topical care to biologics and small molecules.', 1),
  (7, 3, 'lymphoma', 'Lymphoma', 'Hodgkin and non-Hodgkin lymphomas, cellular therapy and bispecific antibodies.', 0),
  (8, 3, 'myeloma', 'Myeloma', 'Multiple myeloma and related plasma cell disorders, from induction to relapsed disease.', 1);

-- Congresses
INSERT INTO congress (id, site_id, slug, name, full_name, year, starts_on, ends_on, city, country, description) VALUES
  (1, 1, 'sabcs-2023', 'SABCS 2023', 'San Antonio Breast Cancer Symposium 2023', 2023, '2023-12-05', '2023-12-09', 'San Antonio', 'United States',
   'The December meeting in Texas where much of the year''s practice-changing breast cancer research is first shown.

Our 2023 coverage centres on **early triple-negative disease**, including the negative ALEXANDRA/IMpassion030 trial of adjuvant atezolizumab, plus interviews on de-escalated surgery, ovarian suppression and circulating tumour DNA.'),
  (2, 1, 'asco-gu-2024', 'ASCO GU 2024', 'ASCO Genitourinary Cancers Symposium 2024', 2024, '2024-01-25', '2024-01-27', 'San Francisco', 'United States',
   'Three days in San Francisco dedicated to prostate, bladder, kidney and testicular cancers.

Highlights we followed: **overall survival with adjuvant pembrolizumab** in renal cell carcinoma, the new first-line standard in urothelial cancer, PSMA imaging and survivorship after testicular cancer.'),
  (3, 1, 'esgo-sgo-2024', 'ESGO & SGO 2024', 'ESGO European Congress on Gynaecological Oncology & SGO Annual Meeting on Women''s Cancer 2024', 2024, '2024-03-07', '2024-03-18', 'Barcelona & San Diego', 'Spain & United States',
   'Joint coverage of the two big gynaecological oncology meetings of March 2024: the ESGO congress in Barcelona (7–10 March) and the SGO Annual Meeting on Women''s Cancer in San Diego (16–18 March).

We focused on the themes that connect gynaecological oncology with breast and digestive cancers: **hereditary risk**, PARP inhibition and Lynch syndrome.'),
  (4, 1, 'jfhod-2024', 'JFHOD 2024', 'Journées Francophones d''Hépato-gastroentérologie et d''Oncologie Digestive 2024', 2024, '2024-03-14', '2024-03-17', 'Paris', 'France',
   'The annual French-speaking meeting of gastroenterology, hepatology and digestive oncology at the Palais des Congrès.

Our interviews look at **MSI-high colorectal cancer**, colorectal screening pathways and liver cancer surveillance.'),
  (5, 1, 'asco-2024', 'ASCO 2024', 'American Society of Clinical Oncology Annual Meeting 2024', 2024, '2024-05-31', '2024-06-04', 'Chicago', 'United States',
   'The largest oncology meeting of the year, held at McCormick Place.

From the 2024 edition we report on **EGFR-mutant lung cancer** (LAURA and ADAURA), HER2-low breast cancer, adjuvant therapy in kidney cancer and liver transplantation for colorectal metastases.'),
  (6, 1, 'esmo-gi-2024', 'ESMO GI 2024', 'ESMO Gastrointestinal Cancers Congress 2024', 2024, '2024-06-26', '2024-06-29', 'Munich', 'Germany',
   'ESMO''s summer meeting dedicated to digestive cancers.

We spoke to experts about **checkpoint inhibitors in MSI-high colorectal cancer**, perioperative immunotherapy and claudin 18.2 testing in gastric cancer, and the rise of early-onset colorectal cancer.'),
  (7, 1, 'esmo-2024', 'ESMO 2024', 'European Society for Medical Oncology Congress 2024', 2024, '2024-09-13', '2024-09-17', 'Barcelona', 'Spain',
   'Europe''s flagship oncology congress.

Coverage includes **overall survival from KEYNOTE-522**, perioperative durvalumab in bladder cancer (NIAGARA), consolidation therapy in stage III lung cancer and small-cell lung cancer after ADRIATIC.'),
  (8, 1, 'sabcs-2024', 'SABCS 2024', 'San Antonio Breast Cancer Symposium 2024', 2024, '2024-12-10', '2024-12-13', 'San Antonio', 'United States',
   'The 2024 San Antonio symposium, a year after the ALEXANDRA/IMpassion030 results.

Our interviews revisit **immunotherapy timing in early TNBC**, antibody–drug conjugate sequencing, pregnancy after breast cancer and geriatric assessment.'),
  (9, 1, 'asco-gi-2025', 'ASCO GI 2025', 'ASCO Gastrointestinal Cancers Symposium 2025', 2025, '2025-01-23', '2025-01-25', 'San Francisco', 'United States',
   'The January symposium on digestive cancers.

Topics we covered: **nivolumab plus ipilimumab versus nivolumab** in MSI-high colorectal cancer, molecular profiling in biliary tract cancer, first-line pancreatic cancer and HER2-amplified colorectal cancer.'),
  (10, 1, 'enets-2025', 'ENETS 2025', 'Annual Conference of the European Neuroendocrine Tumor Society 2025', 2025, '2025-03-12', '2025-03-14', 'Kraków', 'Poland',
   'The annual meeting of the neuroendocrine tumour community: endocrinologists, oncologists, surgeons, pathologists and nuclear medicine physicians.

We report on **radioligand therapy in the first line**, grade 3 tumours versus carcinomas, carcinoid syndrome and lung carcinoids.'),
  (11, 1, 'elcc-2025', 'ELCC 2025', 'European Lung Cancer Congress 2025', 2025, '2025-03-26', '2025-03-29', 'Paris', 'France',
   'The European thoracic oncology meeting organised by ESMO and IASLC.

Our coverage: **first-line EGFR strategies**, life on three years of adjuvant osimertinib, stereotactic radiotherapy for oligoprogression and smoking cessation.'),
  (12, 1, 'eado-2025', 'EADO 2025', 'Congress of the European Association of Dermato-Oncology 2025', 2025, '2025-04-23', '2025-04-26', 'Athens', 'Greece',
   'The European dermato-oncology congress.

For oncologists outside dermatology the most useful sessions dealt with **skin toxicity of cancer treatments**: EGFR inhibitors, enfortumab vedotin and chemotherapy-induced alopecia.'),
  (13, 1, 'asco-2025', 'ASCO 2025', 'American Society of Clinical Oncology Annual Meeting 2025', 2025, '2025-05-30', '2025-06-03', 'Chicago', 'United States',
   'The 2025 ASCO Annual Meeting in Chicago.

We cover **ctDNA-guided switching of endocrine therapy**, perioperative immunotherapy in gastric cancer, radioligand therapy in prostate cancer, biomarker turnaround times in lung cancer and access to new drugs.'),
  (14, 2, 'eadv-2024', 'EADV 2024', 'European Academy of Dermatology and Venereology Congress 2024', 2024, '2024-09-25', '2024-09-28', 'Amsterdam', 'Netherlands',
   'The annual congress of the European Academy of Dermatology and Venereology.

Our interviews: **neoadjuvant immunotherapy in melanoma**, treat-to-target in psoriasis and systemic therapy for atopic dermatitis in older adults.'),
  (15, 2, 'aad-2025', 'AAD 2025', 'American Academy of Dermatology Annual Meeting 2025', 2025, '2025-03-07', '2025-03-11', 'Orlando', 'United States',
   'The American Academy of Dermatology''s annual meeting.

We covered **advanced basal cell carcinoma**, skin cancer in transplant recipients and flare prevention in generalised pustular psoriasis.'),
  (16, 3, 'ash-2024', 'ASH 2024', 'American Society of Hematology Annual Meeting and Exposition 2024', 2024, '2024-12-07', '2024-12-10', 'San Diego', 'United States',
   'The main annual meeting of haematology.

Our coverage: **quadruplet induction in myeloma**, bispecific antibodies in large B-cell lymphoma and MRD-guided treatment decisions.'),
  (17, 3, 'eha-2025', 'EHA 2025', 'European Hematology Association Congress 2025', 2025, '2025-06-12', '2025-06-15', 'Milan', 'Italy',
   'The European Hematology Association''s annual congress.

We report on **nivolumab-AVD in Hodgkin lymphoma**, CAR-T logistics and infection prevention during bispecific therapy for myeloma.');

-- People: faculty (fictional) and the editorial team
INSERT INTO person (id, slug, name, title, affiliation, bio, photo) VALUES
  (1, 'clara-whitfield', 'Clara Whitfield', 'MSc', 'Plenary editorial team, London, United Kingdom', 'Medical journalist who has reported from oncology congresses for more than a decade. Before joining Plenary she worked as a science editor for a medical weekly.', ''),
  (2, 'tomas-echevarria', 'Tomás Echevarría', 'MA', 'Plenary editorial team, Madrid, Spain', 'Health journalist specialising in clinical trials and drug regulation. He covers the European congresses and the Spanish-speaking oncology community.', ''),
  (3, 'naomi-adeyemi', 'Naomi Adeyemi', 'PhD', 'Plenary editorial team, Toronto, Canada', 'Former cancer biologist turned medical writer. She edits the trial pages and writes most of our congress reports.', ''),
  (4, 'lukas-brenner', 'Lukas Brenner', '', 'Plenary editorial team, Berlin, Germany', 'Science journalist with a background in pharmacy. He covers haematology, dermatology and rare tumours.', ''),
  (5, 'elodie-marchetti', 'Elodie Marchetti', 'MD, PhD', 'Institut Curie, Paris, France', 'Medical oncologist in the breast cancer department. Her clinical research focuses on immunotherapy in early triple-negative breast cancer.', ''),
  (6, 'sunita-raghavan', 'Sunita Raghavan', 'MD, DM', 'Tata Memorial Centre, Mumbai, India', 'Breast medical oncologist interested in treatment of young women, toxicity management and affordable access to cancer drugs.', ''),
  (7, 'henrik-valdsen', 'Henrik Valdsen', 'MD, PhD', 'Rigshospitalet, Copenhagen, Denmark', 'Clinical oncologist and translational researcher who leads a liquid biopsy programme in breast cancer.', ''),
  (8, 'marisol-quintero', 'Marisol Quintero', 'MD', 'Vall d''Hebron Institute of Oncology, Barcelona, Spain', 'Breast oncologist working on antibody–drug conjugates and HER2 biology in early-phase and phase 3 trials.', ''),
  (9, 'aoife-dunleavy', 'Aoife Dunleavy', 'MD, FRCSI', 'St James''s Hospital, Dublin, Ireland', 'Consultant breast surgeon with an interest in axillary de-escalation and fertility counselling for young patients.', ''),
  (10, 'rachel-okonkwo', 'Rachel Okonkwo', 'MD, MPH', 'The University of Texas MD Anderson Cancer Center, Houston, United States', 'Breast medical oncologist whose research addresses hormone receptor-positive disease and equity in trial participation.', ''),
  (11, 'katarzyna-wolska', 'Katarzyna Wolska', 'MD, PhD', 'Charité – Universitätsmedizin Berlin, Germany', 'Gynaecological oncologist who runs a clinic for carriers of BRCA1/2 and other high-risk variants.', ''),
  (12, 'helena-strand', 'Helena Strand', 'MD, PhD', 'Helsinki University Hospital, Finland', 'Gynaecological oncologist and clinical geneticist working on Lynch syndrome and PARP inhibitor therapy.', ''),
  (13, 'noa-benhamou', 'Noa Benhamou', 'MD', 'Sheba Medical Center, Ramat Gan, Israel', 'Geriatric oncologist who set up a comprehensive geriatric assessment service for older adults with cancer.', ''),
  (14, 'tunde-bamidele', 'Tunde Bamidele', 'MBBS, MPH', 'Lagos University Teaching Hospital, Nigeria', 'Clinical oncologist and health services researcher working on access to essential cancer medicines in sub-Saharan Africa.', ''),
  (15, 'matthias-oberhuber', 'Matthias Oberhuber', 'MD', 'Medical University of Vienna, Austria', 'Medical oncologist specialising in gastro-oesophageal and pancreatic cancers and perioperative trials.', ''),
  (16, 'celine-baptiste', 'Céline Baptiste', 'MD, PhD', 'Hôpital Saint-Antoine (AP-HP), Paris, France', 'Digestive oncologist with a research focus on mismatch repair-deficient colorectal cancer and immunotherapy.', ''),
  (17, 'kenji-moriyama', 'Kenji Moriyama', 'MD, PhD', 'National Cancer Center Hospital East, Kashiwa, Japan', 'Gastrointestinal oncologist working on circulating tumour DNA and biomarker-driven trials in gastric and colorectal cancer.', ''),
  (18, 'lorenzo-ferraguti', 'Lorenzo Ferraguti', 'MD', 'Fondazione IRCCS Istituto Nazionale dei Tumori, Milan, Italy', 'Medical oncologist focused on metastatic colorectal cancer, anti-EGFR and anti-HER2 strategies.', ''),
  (19, 'yasmin-haddad', 'Yasmin Haddad', 'MD', 'Memorial Sloan Kettering Cancer Center, New York, United States', 'Medical oncologist treating hepatobiliary and pancreatic cancers, with an interest in molecular profiling.', ''),
  (20, 'pieter-van-oosterwijk', 'Pieter van Oosterwijk', 'MD, PhD', 'Erasmus MC, Rotterdam, Netherlands', 'Nuclear medicine physician experienced in peptide receptor radionuclide therapy for neuroendocrine tumours.', ''),
  (21, 'ingrid-solheim', 'Ingrid Solheim', 'MD, PhD', 'Oslo University Hospital, Norway', 'Medical oncologist in a European neuroendocrine tumour centre of excellence.', ''),
  (22, 'amelie-fournier', 'Amélie Fournier', 'MD', 'Hospices Civils de Lyon, France', 'Gastroenterologist and endoscopist working on colorectal cancer screening and liver disease.', ''),
  (23, 'daniel-achterberg', 'Daniel Achterberg', 'MD, PhD', 'Netherlands Cancer Institute, Amsterdam, Netherlands', 'Medical oncologist treating urothelial cancer, involved in trials of antibody–drug conjugates and perioperative immunotherapy.', ''),
  (24, 'samuel-okafor', 'Samuel Okafor', 'MBBS, PhD', 'The Royal Marsden, London, United Kingdom', 'Clinical oncologist specialising in prostate cancer across the disease spectrum.', ''),
  (25, 'beatriz-moncada', 'Beatriz Moncada', 'MD, PhD', 'Hospital Universitario 12 de Octubre, Madrid, Spain', 'Medical oncologist with a clinical and research focus on renal cell carcinoma.', ''),
  (26, 'jonathan-pereira', 'Jonathan Pereira', 'MD', 'Cleveland Clinic, Cleveland, United States', 'Genitourinary medical oncologist interested in kidney and bladder cancers and in adverse event management.', ''),
  (27, 'wen-li-tsao', 'Wen-Li Tsao', 'MD, PhD', 'National Taiwan University Hospital, Taipei, Taiwan', 'Oncologist and nuclear medicine specialist working on PSMA imaging and radioligand therapy.', ''),
  (28, 'fiona-mcalister', 'Fiona McAlister', 'MBChB, PhD', 'Beatson West of Scotland Cancer Centre, Glasgow, United Kingdom', 'Clinical oncologist treating bladder and testicular cancers, with research on late effects of treatment.', ''),
  (29, 'tobias-reinholt', 'Tobias Reinholt', 'MD', 'Thoraxklinik at Heidelberg University Hospital, Germany', 'Thoracic oncologist focused on oncogene-driven non-small-cell lung cancer and molecular tumour boards.', ''),
  (30, 'chiara-bellandi', 'Chiara Bellandi', 'MD, PhD', 'European Institute of Oncology (IEO), Milan, Italy', 'Thoracic oncologist with research on immunotherapy, screening and smoking cessation.', ''),
  (31, 'ravi-kapadia', 'Ravi Kapadia', 'MD, FRCPC', 'Princess Margaret Cancer Centre, Toronto, Canada', 'Radiation oncologist specialising in stage III and oligometastatic lung cancer.', ''),
  (32, 'li-ting-haw', 'Li-Ting Haw', 'MBBS, PhD', 'National University Cancer Institute, Singapore', 'Medical oncologist researching EGFR-mutant lung cancer and diagnostic pathways in Asia.', ''),
  (33, 'grace-ndlovu', 'Grace Ndlovu', 'MBChB, FRACS', 'Peter MacCallum Cancer Centre, Melbourne, Australia', 'Thoracic surgeon involved in perioperative trials and multidisciplinary care of early-stage lung cancer.', ''),
  (34, 'antoine-delacroix', 'Antoine Delacroix', 'MD, PhD', 'Gustave Roussy, Villejuif, France', 'Thoracic oncologist whose work covers small-cell lung cancer and pulmonary neuroendocrine tumours.', ''),
  (35, 'nikolaos-vrettos', 'Nikolaos Vrettos', 'MD, PhD', 'University Hospital Zurich, Switzerland', 'Dermatologist who leads an onco-dermatology clinic for patients with skin toxicity from cancer treatment.', ''),
  (36, 'sofia-lindqvist', 'Sofia Lindqvist', 'MD, PhD', 'Karolinska University Hospital, Stockholm, Sweden', 'Dermatologist working on supportive care in oncology, including hair loss and hand–foot reactions.', ''),
  (37, 'isabel-carrasco', 'Isabel Carrasco', 'MD, PhD', 'Hospital Clínic de Barcelona, Spain', 'Dermatologist and melanoma specialist involved in surgical and systemic trials.', ''),
  (38, 'joost-hagendijk', 'Joost Hagendijk', 'MD, PhD', 'Leiden University Medical Center, Netherlands', 'Dermatologist with a research interest in psoriasis outcomes and treatment goals.', ''),
  (39, 'anjali-deshmukh', 'Anjali Deshmukh', 'MD', 'Icahn School of Medicine at Mount Sinai, New York, United States', 'Dermatologist specialising in atopic dermatitis across the lifespan.', ''),
  (40, 'matteo-ravanelli', 'Matteo Ravanelli', 'MD', 'Sapienza University of Rome, Italy', 'Dermatologic surgeon treating advanced keratinocyte cancers.', ''),
  (41, 'oskar-lindahl', 'Oskar Lindahl', 'MD, PhD', 'University Hospital of Cologne, Germany', 'Haematologist researching Hodgkin lymphoma treatment in young adults.', ''),
  (42, 'hiroko-tanabe', 'Hiroko Tanabe', 'MD', 'Mayo Clinic, Rochester, United States', 'Haematologist focused on multiple myeloma and supportive care during T-cell redirecting therapy.', ''),
  (43, 'carlos-iturbe', 'Carlos Iturbe', 'MD, PhD', 'Clínica Universidad de Navarra, Pamplona, Spain', 'Haematologist working on measurable residual disease in myeloma.', ''),
  (44, 'emeka-nwosu', 'Emeka Nwosu', 'MBBS, PhD', 'Barts Cancer Institute, London, United Kingdom', 'Haematologist specialising in aggressive B-cell lymphomas and cellular therapy.', '');

-- Trials (oncology)
INSERT INTO trial (id, site_id, slug, name, aliases, registry_id, phase, setting, population, arms, primary_endpoint, results, status) VALUES
  (1, 1, 'alexandra-impassion030', 'ALEXANDRA/IMpassion030', 'ALEXANDRA, IMpassion030', 'NCT03498716', '3', 'Adjuvant',
   'Patients with operable stage II–III triple-negative breast cancer after primary surgery (about 2,200 randomised).',
   'Atezolizumab plus chemotherapy (weekly paclitaxel, then dose-dense anthracycline and cyclophosphamide), followed by atezolizumab to complete one year, versus the same chemotherapy alone.',
   'Invasive disease-free survival (IDFS)',
   '- Presented at **SABCS 2023** (abstract GS01-02).
- At the interim analysis (median follow-up 25 months) the **futility boundary was crossed**: IDFS hazard ratio 1.12 for atezolizumab plus chemotherapy versus chemotherapy.
- No subgroup with a clear benefit was identified.
- More treatment discontinuations and immune-related adverse events with atezolizumab; **no new safety signals**.',
   'Active, not recruiting'),
  (2, 1, 'keynote-522', 'KEYNOTE-522', 'KN-522', 'NCT03036488', '3', 'Neoadjuvant and adjuvant',
   'Previously untreated stage II–III triple-negative breast cancer (1,174 patients, randomised 2:1).',
   'Pembrolizumab or placebo with neoadjuvant paclitaxel–carboplatin then doxorubicin or epirubicin with cyclophosphamide, followed after surgery by adjuvant pembrolizumab or placebo.',
   'Pathological complete response (pCR) and event-free survival (EFS)',
   '- **pCR** 64.8% versus 51.2% at the first interim analysis.
- **EFS** improved (HR 0.63 at the fourth interim analysis).
- **Overall survival**, reported at ESMO 2024: 5-year OS 86.6% versus 81.7% (HR 0.66).
- Immune-related endocrine events, some permanent, are the main added toxicity.',
   'Active, not recruiting'),
  (3, 1, 'destiny-breast04', 'DESTINY-Breast04', 'DB-04', 'NCT03734029', '3', 'Metastatic',
   'HER2-low (IHC 1+ or IHC 2+/ISH-negative) unresectable or metastatic breast cancer after one or two prior lines of chemotherapy (557 patients).',
   'Trastuzumab deruxtecan 5.4 mg/kg every 3 weeks versus physician''s choice of chemotherapy.',
   'Progression-free survival in the hormone receptor-positive cohort',
   '- HR-positive cohort: median **PFS 10.1 vs 5.4 months** (HR 0.51); median **OS 23.9 vs 17.5 months** (HR 0.64).
- All patients: PFS 9.9 vs 5.1 months (HR 0.50); OS 23.4 vs 16.8 months (HR 0.64).
- Interstitial lung disease in about 12% of patients on trastuzumab deruxtecan, mostly low grade.
- Presented in the ASCO 2022 plenary session; established HER2-low as a treatable category.',
   'Active, not recruiting'),
  (4, 1, 'adaura', 'ADAURA', '', 'NCT02511106', '3', 'Adjuvant',
   'Completely resected stage IB–IIIA (AJCC 7th edition) non-small-cell lung cancer with EGFR exon 19 deletion or L858R, with or without adjuvant chemotherapy (682 patients).',
   'Osimertinib 80 mg daily for up to 3 years versus placebo.',
   'Disease-free survival in stage II–IIIA disease',
   '- **DFS** HR 0.17 in stage II–IIIA at the primary analysis.
- **Overall survival** (ASCO 2023 plenary): 5-year OS 85% versus 73% in stage II–IIIA (HR 0.49) and 88% versus 78% overall (HR 0.49).
- Safety consistent with the known osimertinib profile.',
   'Active, not recruiting'),
  (5, 1, 'laura', 'LAURA', '', 'NCT03521154', '3', 'Consolidation after chemoradiotherapy',
   'Unresectable stage III EGFR-mutant (exon 19 deletion or L858R) NSCLC without progression after definitive chemoradiotherapy (216 patients, randomised 2:1).',
   'Osimertinib until progression versus placebo.',
   'Progression-free survival by blinded independent central review',
   '- Median **PFS 39.1 vs 5.6 months** (HR 0.16), presented in the ASCO 2024 plenary session.
- Radiation pneumonitis more frequent with osimertinib, mostly low grade.
- Overall survival immature at the primary analysis; crossover to osimertinib at progression was allowed.',
   'Active, not recruiting'),
  (6, 1, 'checkmate-8hw', 'CheckMate 8HW', 'CheckMate-8HW, CA209-8HW', 'NCT04008030', '3', 'Metastatic',
   'Unresectable or metastatic microsatellite instability-high or mismatch repair-deficient colorectal cancer.',
   'Nivolumab plus ipilimumab versus nivolumab alone versus investigator''s choice of chemotherapy with or without targeted therapy.',
   'Progression-free survival: nivolumab plus ipilimumab versus chemotherapy in the first line, and versus nivolumab across all lines',
   '- First line, nivolumab plus ipilimumab versus chemotherapy (ASCO GI 2024): **PFS HR 0.21**; 24-month PFS 72% vs 14%.
- Nivolumab plus ipilimumab versus nivolumab across lines (ASCO GI 2025): the second primary endpoint was met in favour of the combination.
- No new safety signals for the combination.',
   'Active, not recruiting'),
  (7, 1, 'ev-302', 'EV-302/KEYNOTE-A39', 'EV-302, KEYNOTE-A39', 'NCT04223856', '3', 'First-line metastatic',
   'Previously untreated locally advanced or metastatic urothelial carcinoma, regardless of cisplatin eligibility (886 patients).',
   'Enfortumab vedotin plus pembrolizumab versus gemcitabine with cisplatin or carboplatin.',
   'Progression-free survival and overall survival (dual primary)',
   '- Median **PFS 12.5 vs 6.3 months** (HR 0.45).
- Median **OS 31.5 vs 16.1 months** (HR 0.47).
- Benefit across subgroups, including cisplatin-ineligible patients and PD-L1 subgroups.
- Skin reactions, peripheral neuropathy and hyperglycaemia are the enfortumab vedotin adverse events that need active management.',
   'Active, not recruiting'),
  (8, 1, 'keynote-564', 'KEYNOTE-564', 'KN-564', 'NCT03142334', '3', 'Adjuvant',
   'Clear-cell renal cell carcinoma at increased risk of recurrence after nephrectomy, with or without resection of metastatic lesions (994 patients).',
   'Pembrolizumab 200 mg every 3 weeks for up to 17 cycles (about one year) versus placebo.',
   'Disease-free survival by investigator assessment',
   '- **DFS** improved at the first interim analysis (HR 0.68) and remained improved with longer follow-up.
- **Overall survival** (ASCO GU 2024): HR 0.62; estimated 48-month OS 91.2% vs 86.0%.
- First adjuvant therapy in kidney cancer to show an overall survival benefit.',
   'Active, not recruiting');

-- Sponsors (fictional companies)
INSERT INTO sponsor (id, site_id, slug, name, url, logo, disclosure) VALUES
  (1, 1, 'helix-oncology', 'Helix Oncology Ltd', 'https://www.helix-oncology.example', '', 'This programme is supported by an independent educational grant from Helix Oncology Ltd. Helix Oncology Ltd had no influence on the content.'),
  (2, 1, 'nordvik-pharma', 'Nordvik Pharma AB', 'https://www.nordvik-pharma.example', '', 'This programme is supported by an independent educational grant from Nordvik Pharma AB. Nordvik Pharma AB had no influence on the content.'),
  (3, 1, 'solenne-biotherapeutics', 'Solenne Biotherapeutics SA', 'https://www.solenne-bio.example', '', 'This programme is supported by an independent educational grant from Solenne Biotherapeutics SA. Solenne Biotherapeutics SA had no influence on the content.'),
  (4, 1, 'quillon-biopharma', 'Quillon Biopharma Inc.', 'https://www.quillon.example', '', 'This programme is supported by an independent educational grant from Quillon Biopharma Inc.. Quillon Biopharma Inc. had no influence on the content.'),
  (5, 1, 'tamsin-life-sciences', 'Tamsin Life Sciences GmbH', 'https://www.tamsin-ls.example', '', 'This programme is supported by an independent educational grant from Tamsin Life Sciences GmbH. Tamsin Life Sciences GmbH had no influence on the content.');

-- Tags
INSERT INTO tag (site_id, slug, name) VALUES
  (1, 'immunotherapy', 'Immunotherapy'),
  (1, 'adjuvant', 'Adjuvant'),
  (1, 'neoadjuvant', 'Neoadjuvant'),
  (1, 'adc', 'ADC'),
  (1, 'her2-low', 'HER2-low'),
  (1, 'tnbc', 'TNBC'),
  (1, 'hr-positive', 'HR-positive'),
  (1, 'egfr', 'EGFR'),
  (1, 'biomarkers', 'Biomarkers'),
  (1, 'ctdna', 'ctDNA'),
  (1, 'survivorship', 'Survivorship'),
  (1, 'supportive-care', 'Supportive care'),
  (1, 'targeted-therapy', 'Targeted therapy'),
  (1, 'msi-dmmr', 'MSI-H/dMMR'),
  (1, 'colorectal-cancer', 'Colorectal cancer'),
  (1, 'gastric-cancer', 'Gastric cancer'),
  (1, 'pancreatic-cancer', 'Pancreatic cancer'),
  (1, 'liver-cancer', 'Liver cancer'),
  (1, 'neuroendocrine-tumours', 'Neuroendocrine tumours'),
  (1, 'prostate-cancer', 'Prostate cancer'),
  (1, 'bladder-cancer', 'Bladder cancer'),
  (1, 'kidney-cancer', 'Kidney cancer'),
  (1, 'radiotherapy', 'Radiotherapy'),
  (1, 'surgery', 'Surgery'),
  (1, 'hereditary-cancer', 'Hereditary cancer'),
  (1, 'geriatric-oncology', 'Geriatric oncology'),
  (1, 'radioligand-therapy', 'Radioligand therapy'),
  (1, 'screening', 'Screening'),
  (1, 'health-equity', 'Health equity'),
  (1, 'toxicity', 'Toxicity'),
  (2, 'melanoma', 'Melanoma'),
  (2, 'immunotherapy', 'Immunotherapy'),
  (2, 'keratinocyte-cancer', 'Keratinocyte cancer'),
  (2, 'psoriasis', 'Psoriasis'),
  (2, 'atopic-dermatitis', 'Atopic dermatitis'),
  (2, 'biologics', 'Biologics'),
  (2, 'treatment-goals', 'Treatment goals'),
  (2, 'prevention', 'Prevention'),
  (3, 'lymphoma', 'Lymphoma'),
  (3, 'myeloma', 'Myeloma'),
  (3, 'bispecific-antibodies', 'Bispecific antibodies'),
  (3, 'car-t', 'CAR-T'),
  (3, 'mrd', 'MRD'),
  (3, 'infections', 'Infections'),
  (3, 'first-line', 'First line'),
  (3, 'hodgkin-lymphoma', 'Hodgkin lymphoma');

-- Articles (one statement each; sections, congresses and trials are looked up by slug)
-- 1: SABCS 2023 / breast-cancer / alexandra-impassion030
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  1, 1, 'adjuvant-atezolizumab-in-stage-ii-iii-tnbc-what-alexandra-impassion030-tells-us',
  'Adjuvant atezolizumab in stage II–III TNBC: what ALEXANDRA/IMpassion030 tells us',
  'The phase 3 ALEXANDRA/IMpassion030 trial found no invasive disease-free survival benefit from adding atezolizumab to adjuvant chemotherapy after surgery for triple-negative breast cancer. Dr Elodie Marchetti explains what the result means for practice.',
  'The first general session in San Antonio brought a clear negative answer to a question many of us had hoped would go the other way. ALEXANDRA/IMpassion030 asked whether a PD-L1 inhibitor helps women with triple-negative breast cancer who go straight to surgery. We asked Dr Elodie Marchetti to walk us through it.

## The design

**What exactly did the trial test?**

It is a randomised phase 3 study in operable stage II–III TNBC, with surgery first. After the operation, patients received weekly paclitaxel followed by dose-dense anthracycline and cyclophosphamide, either alone or with atezolizumab, and the antibody was then continued to complete a year. Roughly 2,200 patients were enrolled, and the primary endpoint was invasive disease-free survival, or IDFS.

## The result

**How clear is the negative signal?**

Very clear. With a median follow-up of 25 months the hazard ratio for IDFS was 1.12, numerically worse for the combination, and the prespecified futility boundary was crossed at the interim analysis. I did not see any subgroup that looked convincingly different from the overall picture.

**And the safety data?**

More patients stopped treatment and more had immune-related events in the atezolizumab arm, as you would predict, but nothing new emerged. The problem is not toxicity; it is the absence of benefit.

## What changes on Monday morning

- Checkpoint inhibition given only after surgery should not be offered outside a trial.
- For stage II–III TNBC, neoadjuvant chemo-immunotherapy remains the evidence-based route.
- The contrast with the neoadjuvant data is now the most interesting scientific question in the field.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'breast-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'sabcs-2023'), (SELECT id FROM trial WHERE site_id = 1 AND slug = 'alexandra-impassion030'),
  'published', 'public', 'https://www.youtube.com/watch?v=RMqE2MuXTI8', strftime('%s', '2023-12-06 21:14:37'), strftime('%s','now'), strftime('%s','now'));
-- 2: SABCS 2023 / breast-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  2, 1, 'ovarian-function-suppression-in-premenopausal-hr-positive-breast-cancer-who-really-needs-it',
  'Ovarian function suppression in premenopausal HR-positive breast cancer: who really needs it?',
  'Adding ovarian suppression to endocrine therapy helps some young women and burdens others. Dr Sunita Raghavan describes how she uses clinical risk, age and patient priorities to decide.',
  'Young women with hormone receptor-positive early breast cancer are frequently offered ovarian function suppression on top of tamoxifen or an aromatase inhibitor. Dr Sunita Raghavan, who sees a large number of patients under 40 in Mumbai, presented a poster on symptom burden during suppression and shared her approach.

**Which patients benefit most from suppression?**

The absolute gain is concentrated in women with higher-risk disease: those who needed chemotherapy, those with several involved nodes, and the youngest patients who remain premenopausal after treatment. For a 46-year-old with a small node-negative tumour the extra benefit is small, and I say so plainly.

**What did your cohort show about side effects?**

Hot flushes, sleep disruption and sexual dysfunction were reported by most women in the first year, and they were the main reason for missed injections. Many patients told us nobody had warned them how abrupt the change would feel.

## Making the decision together

I use a simple framework in clinic:

- estimate recurrence risk from stage, grade and genomic testing where available;
- ask about plans for pregnancy before anything is started;
- offer a trial period with early review of symptoms rather than a five-year commitment on day one.

**Does cost play a role in India?**

Monthly injections are a real financial burden for some families. Surgical oophorectomy is cheaper and permanent, so it must be discussed honestly, never presented as the default.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'breast-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'sabcs-2023'), NULL,
  'published', 'public', 'https://www.youtube.com/watch?v=Myg-gBa4-Vg', strftime('%s', '2023-12-07 18:42:05'), strftime('%s','now'), strftime('%s','now'));
-- 3: SABCS 2023 / breast-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  3, 1, 'circulating-tumour-dna-after-early-breast-cancer-are-we-ready-to-act-on-a-positive-test',
  'Circulating tumour DNA after early breast cancer: are we ready to act on a positive test?',
  'Tumour-informed ctDNA assays can detect molecular relapse months before imaging. Dr Henrik Valdsen discusses what clinicians should and should not do with the results today.',
  'Liquid biopsy was everywhere in San Antonio this year, but most of the data came from observational cohorts. Dr Henrik Valdsen leads a serial ctDNA programme in Copenhagen and presented updated follow-up from it.

## A lead time, not yet a treatment

**How early does ctDNA detect relapse in your cohort?**

When it turns positive, it usually does so several months before any radiological sign of recurrence. The lead time varies a great deal by subtype; it tends to be longer in hormone receptor-positive disease than in triple-negative disease, where relapse can be fast.

**So why not treat at the first positive test?**

Because we do not yet know that treating earlier improves survival. A lead time on its own can simply mean patients know about their relapse for longer. We need randomised trials that act on the signal, and several are recruiting.

## Practical advice for clinicians

- Do not order surveillance ctDNA outside a study unless you have a plan for a positive result.
- A single positive test should be repeated and followed by full staging.
- Patients should be told beforehand that a positive result brings uncertainty as well as information.

**What about negative results?**

A negative test is reassuring but not a guarantee. Low-shedding tumours exist, and a negative result should never be used to shorten standard adjuvant endocrine therapy.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'breast-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'sabcs-2023'), NULL,
  'published', 'members', '', strftime('%s', '2023-12-08 09:27:51'), strftime('%s','now'), strftime('%s','now'));
-- 4: SABCS 2023 / breast-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  4, 1, 'axillary-surgery-after-neoadjuvant-therapy-how-far-can-de-escalation-go',
  'Axillary surgery after neoadjuvant therapy: how far can de-escalation go?',
  'Sentinel node biopsy and targeted axillary dissection have replaced routine clearance for many patients who convert to node-negative. A breast surgeon reviews where the evidence is firm and where it is still thin.',
  'As more patients receive systemic therapy before surgery, axillary management has become one of the most debated topics in breast surgery. We met Dr Aoife Dunleavy after her poster session.

**Who no longer needs an axillary clearance?**

Patients who were node-positive at diagnosis and have a clinically negative axilla after neoadjuvant treatment can usually be staged with sentinel node biopsy, ideally combined with retrieval of the clipped node. If all retrieved nodes are negative, most multidisciplinary teams now omit dissection.

**Why mark the node before treatment?**

Removing the biopsied node lowers the false-negative rate considerably. In our series, the units that clipped routinely and confirmed retrieval on specimen radiography had the most reliable results.

## Grey zones

There are still situations where I am careful:

- residual isolated tumour cells or micrometastases in the sentinel node;
- inflammatory breast cancer, where sentinel biopsy is not appropriate;
- patients with extensive nodal disease at diagnosis, who were under-represented in the studies.

**Is radiotherapy replacing surgery in the axilla?**

For residual nodal disease, many centres offer nodal irradiation instead of dissection while trials answer the question. It is a reasonable compromise, but it has to be decided in the tumour board, not improvised in theatre.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'breast-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'sabcs-2023'), NULL,
  'published', 'public', '', strftime('%s', '2023-12-09 14:03:19'), strftime('%s','now'), strftime('%s','now'));
-- 5: ASCO GU 2024 / gu-cancer / ev-302
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  5, 1, 'enfortumab-vedotin-plus-pembrolizumab-a-new-first-line-standard-in-urothelial-cancer',
  'Enfortumab vedotin plus pembrolizumab: a new first-line standard in urothelial cancer',
  'EV-302 nearly doubled progression-free and overall survival compared with platinum chemotherapy. At ASCO GU 2024, Dr Daniel Achterberg discussed how quickly practice is changing.',
  'Platinum-based chemotherapy had been the first-line backbone in advanced urothelial cancer since the 1980s. EV-302, first presented in Madrid a few months earlier, was discussed again in detail in San Francisco. Dr Daniel Achterberg shared his view.

**How large is the benefit?**

Median overall survival was about 31 months with enfortumab vedotin plus pembrolizumab and about 16 months with chemotherapy. Progression-free survival was similarly doubled. Those are remarkable numbers for this disease.

**Did the benefit hold across subgroups?**

Yes: in patients eligible and ineligible for cisplatin, with and without visceral metastases, and regardless of PD-L1 expression. That consistency is one reason the combination is now the preferred first-line option.

## What changes in clinic

- Fewer patients will receive first-line platinum, so the role of maintenance avelumab shrinks.
- FGFR3 alterations should still be tested, as erdafitinib remains a later-line option.
- Teams must learn to manage enfortumab toxicities, which are different from those of chemotherapy.

**What does the treatment demand from patients?**

Infusions on days 1 and 8 of each three-week cycle, careful monitoring of skin, nerves and blood glucose, and close contact with the team. Many patients have long-lasting responses, so the question of when to stop enfortumab will become pressing.

**Is cost a barrier?**

In several European countries, reimbursement is still being negotiated. Until then, access will be uneven, which is frustrating with survival data this strong.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'gu-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'asco-gu-2024'), (SELECT id FROM trial WHERE site_id = 1 AND slug = 'ev-302'),
  'published', 'public', '', strftime('%s', '2024-01-26 23:05:11'), strftime('%s','now'), strftime('%s','now'));
-- 6: ASCO GU 2024 / gu-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  6, 1, 'psma-pet-in-biochemical-recurrence-when-seeing-more-changes-the-treatment-plan',
  'PSMA PET in biochemical recurrence: when seeing more changes the treatment plan',
  'PSMA PET detects recurrent prostate cancer at lower PSA levels than conventional imaging. Dr Wen-Li Tsao discusses the benefits and the risks of stage migration.',
  'After surgery or radiotherapy for prostate cancer, a rising PSA is often the only sign of recurrence. Dr Wen-Li Tsao presented registry data on how PSMA PET changes management in that situation.

**How much more does PSMA PET see?**

Considerably more than CT and bone scan, especially at low PSA levels. In our registry, the scan found at least one lesion in most patients, and the plan changed in about half, often from systemic therapy to targeted radiotherapy or the reverse.

**Is that always good?**

Not necessarily. We are detecting disease that older trials would have classified differently. A patient called oligometastatic today would have been considered to have non-metastatic recurrence in the studies that established our standards. This stage migration makes it hard to apply older evidence.

## How I use it

- Order PSMA PET when the result will change the decision, usually at low PSA levels after prostatectomy.
- Do not delay salvage radiotherapy for a negative scan when PSA is rising.
- Treat small lesions with metastasis-directed therapy preferably within trials or registries.

**Is there a role in staging at diagnosis?**

For high-risk localised disease, PSMA PET is more accurate than conventional imaging and is increasingly used. But treatment decisions based on it should remain within the framework of the multidisciplinary team, and patients should know that the evidence on outcomes is still catching up.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'gu-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'asco-gu-2024'), NULL,
  'published', 'public', '', strftime('%s', '2024-01-27 16:26:48'), strftime('%s','now'), strftime('%s','now'));
-- 7: ASCO GU 2024 / gu-cancer / keynote-564
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  7, 1, 'adjuvant-pembrolizumab-in-renal-cell-carcinoma-overall-survival-settles-the-debate',
  'Adjuvant pembrolizumab in renal cell carcinoma: overall survival settles the debate',
  'KEYNOTE-564 is the first adjuvant trial in kidney cancer to show an overall survival benefit. Dr Beatriz Moncada explains why the result matters after years of disappointing adjuvant studies.',
  'For twenty years, adjuvant trials in kidney cancer produced mostly negative or contested results. In San Francisco, KEYNOTE-564 reported what the field had been missing: a survival benefit. Dr Beatriz Moncada talked us through it.

## The result

**What was shown?**

In patients with clear-cell renal cell carcinoma at increased risk of recurrence after nephrectomy, one year of pembrolizumab reduced the risk of death by 38% compared with placebo. The estimated four-year survival was around 91% with pembrolizumab and 86% with placebo.

**Why was this result so awaited?**

Disease-free survival had been improved since the first analysis, but several experts argued that patients could simply receive immunotherapy at relapse. The survival data answer that objection: treating early appears better than waiting.

## Putting it in context

- Earlier adjuvant VEGF-targeted therapy trials did not improve survival.
- Other adjuvant checkpoint inhibitor trials in kidney cancer were negative, so the result should not be extrapolated to other drugs or schedules.
- The absolute benefit depends on recurrence risk, which varies widely among eligible patients.

**How do you present this to patients?**

I explain that most patients in the placebo arm also did well, and that roughly one in five in the pembrolizumab arm had a severe treatment-related side effect. Some endocrine toxicities are permanent. With those facts, many patients choose treatment, and some decline it, and both choices can be reasonable.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'gu-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'asco-gu-2024'), (SELECT id FROM trial WHERE site_id = 1 AND slug = 'keynote-564'),
  'published', 'public', 'https://www.youtube.com/watch?v=9yiSGKJO90o', strftime('%s', '2024-01-27 23:41:23'), strftime('%s','now'), strftime('%s','now'));
-- 8: ASCO GU 2024 / gu-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  8, 1, 'active-surveillance-for-low-risk-prostate-cancer-mri-led-follow-up-in-practice',
  'Active surveillance for low-risk prostate cancer: MRI-led follow-up in practice',
  'Active surveillance is the standard for most low-risk prostate cancers. Dr Samuel Okafor explains how MRI has changed monitoring and which patients should move to treatment.',
  'For men with low-risk prostate cancer, the best treatment is often no immediate treatment. Dr Samuel Okafor presented data on a surveillance protocol based on MRI rather than routine repeat biopsies.

**Why has active surveillance become the standard?**

Long-term studies, including the 15-year ProtecT results, show that prostate cancer mortality is low in men with localised disease whichever approach they choose, while surgery and radiotherapy carry lasting urinary, sexual and bowel effects. Monitoring avoids those effects for many men.

**How does MRI change monitoring?**

Instead of scheduled biopsies every year or two, we use PSA kinetics and repeat MRI, and we biopsy when something changes. In our cohort this reduced the number of biopsies substantially without missing significant upgrades.

## Triggers for treatment

- A new or growing lesion on MRI with a higher grade on targeted biopsy.
- A sustained rise in PSA density.
- The patient''s own wish, which should always be respected.

**What about men with small-volume Gleason 3+4 disease?**

Some are reasonable candidates for surveillance, particularly with a low percentage of pattern 4 and favourable MRI. It requires an experienced team and a patient who understands the trade-offs.

**What is the main risk?**

Loss to follow-up. A surveillance programme needs a database, a named nurse and automatic recalls. Without them, surveillance can turn into neglect.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'gu-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'asco-gu-2024'), NULL,
  'published', 'members', '', strftime('%s', '2024-01-28 08:33:17'), strftime('%s','now'), strftime('%s','now'));
-- 9: ASCO GU 2024 / gu-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  9, 1, 'life-after-testicular-cancer-the-long-shadow-of-cisplatin',
  'Life after testicular cancer: the long shadow of cisplatin',
  'Most men treated for testicular cancer are cured, but cisplatin-based chemotherapy leaves lasting effects. Dr Fiona McAlister describes a survivorship clinic designed around them.',
  'Testicular cancer is one of oncology''s success stories, with cure rates above 95% in most stages. That success means tens of thousands of young men live for decades with the consequences of treatment. Dr Fiona McAlister runs a late-effects clinic in Glasgow.

**Which late effects worry you most?**

Cardiovascular disease and the metabolic syndrome. Ten years after chemotherapy, many of our patients had raised blood pressure, abnormal lipids or weight gain. Cisplatin also causes hearing loss, tinnitus and peripheral neuropathy, which can affect work and quality of life.

**Are there other effects that are often missed?**

Low testosterone, which causes fatigue, low mood and sexual difficulties, is frequently unrecognised. Anxiety about recurrence and financial difficulties are also common in young men who were diagnosed at the start of their careers.

## What our clinic offers

- An annual review of blood pressure, lipids, glucose, weight and testosterone.
- Audiology referral for anyone with hearing symptoms.
- Lifestyle support, particularly on smoking and physical activity.
- Direct access to psychological support.

**Who should follow these men in the long term?**

Ideally, general practitioners with a clear survivorship plan from the oncology team. Most late effects are common conditions that primary care manages well, if it knows the patient is at higher risk.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'gu-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'asco-gu-2024'), NULL,
  'published', 'public', 'https://www.youtube.com/watch?v=fF9hRFo6-jQ', strftime('%s', '2024-01-28 14:52:06'), strftime('%s','now'), strftime('%s','now'));
-- 10: ESGO & SGO 2024 / breast-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  10, 1, 'risk-reducing-salpingo-oophorectomy-in-brca-carriers-timing-menopause-and-breast-cancer-risk',
  'Risk-reducing salpingo-oophorectomy in BRCA carriers: timing, menopause and breast cancer risk',
  'Gynaecological oncologists met in Barcelona to discuss when BRCA1 and BRCA2 carriers should have their ovaries and tubes removed. Dr Katarzyna Wolska summarises the key issues for breast teams.',
  'Breast and gynaecological teams share the care of women carrying pathogenic BRCA variants but do not always talk to each other. At ESGO, Dr Katarzyna Wolska presented audit data on the timing of risk-reducing surgery.

**When do you recommend surgery?**

Between 35 and 40 for BRCA1 carriers and between 40 and 45 for BRCA2 carriers, once childbearing is complete. Ovarian cancer in BRCA2 carriers tends to occur later, which justifies the later window.

**Does the operation reduce breast cancer risk?**

The effect on breast cancer risk is less certain than we once believed, and it should not be the main reason for the procedure. The priority is preventing high-grade serous cancer, for which we have no effective screening.

## Managing surgical menopause

- In carriers without a personal breast cancer history, hormone replacement until the age of natural menopause is generally considered safe.
- For breast cancer survivors, non-hormonal options for vasomotor symptoms, vaginal health and bone protection are essential.
- Cardiovascular risk should be discussed and monitored.

**What about removing only the tubes first?**

Salpingectomy with delayed oophorectomy is being studied as a way to postpone menopause. It is attractive, but outside trials it should be presented as investigational.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'breast-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'esgo-sgo-2024'), NULL,
  'published', 'public', 'https://www.youtube.com/watch?v=01Tjdz_TtCg', strftime('%s', '2024-03-09 13:48:27'), strftime('%s','now'), strftime('%s','now'));
-- 11: ESGO & SGO 2024 / gi-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  11, 1, 'lynch-syndrome-from-both-ends-connecting-endometrial-and-colorectal-cancer-care',
  'Lynch syndrome from both ends: connecting endometrial and colorectal cancer care',
  'Endometrial cancer is often the first cancer in women with Lynch syndrome. Dr Helena Strand explains why universal mismatch repair testing and shared surveillance pathways matter to digestive oncologists.',
  'Lynch syndrome is usually discussed in gastroenterology, yet for many women the first sign is endometrial cancer. At ESGO, Dr Helena Strand presented Finnish data on universal tumour testing.

**Why test every endometrial cancer?**

Family history criteria miss a substantial share of carriers. Universal mismatch repair immunohistochemistry, followed by MLH1 promoter methylation testing and germline testing when appropriate, finds families who would otherwise remain unrecognised until a colorectal cancer appears.

**What did your programme find?**

A steady yield of new Lynch diagnoses, many in women without a suggestive family history. Each index case led to testing of several relatives, and in those relatives colonoscopy surveillance could start before any cancer.

## Connecting the specialties

- Colonoscopy surveillance in carriers should be organised by gene, with shorter intervals for higher-risk genes.
- Women with Lynch syndrome should discuss risk-reducing hysterectomy and salpingo-oophorectomy once family planning is complete.
- Aspirin reduces colorectal cancer risk in carriers and should be discussed with each patient.

**Does the testing also guide treatment?**

Yes. Mismatch repair-deficient endometrial cancers respond well to checkpoint inhibitors combined with chemotherapy, as do dMMR colorectal cancers. One test now informs prevention in the family and therapy for the patient, which makes the case for doing it at diagnosis very strong.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'gi-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'esgo-sgo-2024'), NULL,
  'published', 'public', '', strftime('%s', '2024-03-10 15:29:03'), strftime('%s','now'), strftime('%s','now'));
-- 12: JFHOD 2024 / gi-cancer / checkmate-8hw
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  12, 1, 'first-line-dual-checkpoint-blockade-in-msi-high-colorectal-cancer-a-french-view-after-checkmate-8hw',
  'First-line dual checkpoint blockade in MSI-high colorectal cancer: a French view after CheckMate 8HW',
  'CheckMate 8HW showed a large progression-free survival benefit for nivolumab plus ipilimumab over chemotherapy in first-line MSI-high metastatic colorectal cancer. Dr Céline Baptiste discusses how French teams are responding.',
  'Two months after the first CheckMate 8HW results in San Francisco, the trial dominated the digestive oncology sessions at the JFHOD in Paris. We spoke to Dr Céline Baptiste, who treats many patients with mismatch repair-deficient tumours.

## A very large effect

**What did the first analysis show?**

In patients with centrally confirmed MSI-high or dMMR metastatic colorectal cancer who had not received treatment for metastatic disease, nivolumab plus ipilimumab reduced the risk of progression or death by almost 80% compared with chemotherapy. At two years, about seven in ten patients were free of progression with the combination against roughly one in seven with chemotherapy.

**Does this replace pembrolizumab monotherapy?**

Not yet, because the question of the combination versus nivolumab alone was a separate endpoint still to be reported. What we already know is that any first-line checkpoint inhibitor is better than chemotherapy in this population.

## Testing must be right

A lesson of the trial is the importance of **central confirmation**. Some patients who seem to be resistant to immunotherapy in fact had tumours that were not truly MSI-high.

- Use both immunohistochemistry and a molecular test when results are unclear.
- Re-test if a patient progresses very early on immunotherapy.
- Consider germline testing for Lynch syndrome in every confirmed case.

**What do you tell patients about toxicity?**

That the combination carries more immune-related events than monotherapy, mostly manageable, and that it is given for a limited period. Most of my patients accept that trade-off when they see the curves.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'gi-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'jfhod-2024'), (SELECT id FROM trial WHERE site_id = 1 AND slug = 'checkmate-8hw'),
  'published', 'public', 'https://www.youtube.com/watch?v=5kz8flrO5u4', strftime('%s', '2024-03-15 17:22:09'), strftime('%s','now'), strftime('%s','now'));
-- 13: JFHOD 2024 / gi-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  13, 1, 'from-a-positive-fit-to-colonoscopy-shortening-the-delay-that-costs-lives',
  'From a positive FIT to colonoscopy: shortening the delay that costs lives',
  'Long waits between a positive faecal immunochemical test and colonoscopy are associated with more advanced cancers. Dr Amélie Fournier describes how Lyon reorganised its pathway.',
  'France''s organised screening programme sends a faecal immunochemical test to everyone aged 50 to 74, but participation is modest and follow-up of positive results is uneven. Dr Amélie Fournier presented data from the Rhône area at the congress.

**How long were people waiting?**

The median interval was acceptable, but a long tail of patients waited more than six months, and some never had a colonoscopy at all. Those are precisely the people in whom we find more advanced disease.

**Why do the delays happen?**

Partly capacity, but mostly organisation. The result goes to the general practitioner, who must refer, and the patient must then book an appointment. Every handover is a chance to lose someone.

## What we changed

- A navigator nurse now contacts every person with a positive test within two weeks.
- Endoscopy slots are reserved each week for screening referrals.
- Patients who do not respond receive a phone call and a second letter.
- Bowel preparation instructions are given in several languages.

**Have the results improved?**

The proportion of people examined within three months rose substantially in the first year. The model is not expensive; it simply assumes that a positive test is the beginning of a clinical pathway, not the end of a screening one.

**And participation in the first place?**

That remains the bigger challenge. Distribution of test kits by pharmacists and online ordering have helped, but not enough.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'gi-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'jfhod-2024'), NULL,
  'published', 'public', '', strftime('%s', '2024-03-16 12:41:33'), strftime('%s','now'), strftime('%s','now'));
-- 14: JFHOD 2024 / gi-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  14, 1, 'liver-cancer-surveillance-in-masld-who-should-be-screened-and-how',
  'Liver cancer surveillance in MASLD: who should be screened and how?',
  'Metabolic dysfunction-associated steatotic liver disease is becoming a leading cause of hepatocellular carcinoma. Dr Yasmin Haddad explains the difficulties of surveillance in this population.',
  'The renamed metabolic liver disease, MASLD, affects a large part of the adult population. Only a small fraction will develop hepatocellular carcinoma, but the absolute numbers are rising. Dr Yasmin Haddad was invited to Paris to speak on surveillance.

**Who should enter a surveillance programme?**

Patients with cirrhosis, whatever the cause, should have an ultrasound every six months, with or without alpha-fetoprotein. The difficulty with MASLD is that a proportion of cancers arise in livers without cirrhosis, and we do not yet have a cost-effective way to find those patients.

**Why are tumours diagnosed late?**

Many patients do not know they have liver disease at all. In our series, MASLD-related cancers were more often found at an advanced stage than those related to viral hepatitis, because fewer patients had been in surveillance.

## Practical challenges

- Ultrasound quality falls with obesity and steatosis.
- Abbreviated MRI protocols are promising but less widely available.
- Fibrosis scores in primary care could identify patients at risk earlier.

**What would you change first?**

I would make sure every patient with diabetes and abnormal liver tests has a simple fibrosis assessment. Finding the people with advanced fibrosis is the first step; surveillance only works if we know who to watch.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'gi-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'jfhod-2024'), NULL,
  'published', 'public', '', strftime('%s', '2024-03-17 09:58:14'), strftime('%s','now'), strftime('%s','now'));
-- 15: ESGO & SGO 2024 / breast-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  15, 1, 'parp-inhibitors-across-breast-and-ovarian-cancer-shared-lessons-from-two-specialties',
  'PARP inhibitors across breast and ovarian cancer: shared lessons from two specialties',
  'PARP inhibitors are established in BRCA-associated ovarian and breast cancer. Dr Helena Strand discusses what each specialty can learn from the other on testing, toxicity and long-term use.',
  'Ovarian cancer teams have prescribed PARP inhibitors for years; breast oncologists are newer to long-term use in the curative setting. At the SGO meeting in San Diego, Dr Helena Strand presented registry data on haematological safety.

**What does the breast community take from ovarian cancer experience?**

Mostly practical knowledge. Anaemia is common in the first months and usually responds to dose interruption and reduction. Fatigue and nausea improve with time. Dose reductions do not seem to compromise efficacy in most settings.

**And the long-term risks?**

Myelodysplastic syndrome and acute myeloid leukaemia are rare but serious. In our registry they occurred mainly in patients with long exposure and previous platinum therapy. Blood counts should be checked regularly, and persistent cytopenias need a haematology review rather than repeated interruptions.

## Testing is the shared bottleneck

- Germline testing should be offered to all women with ovarian cancer and to breast cancer patients who meet criteria, including those eligible for adjuvant olaparib after OlympiA.
- Results must reach the clinician in time for treatment decisions.
- Cascade testing of relatives remains underused in both specialties.

**One message for breast oncologists?**

Talk to your gynaecological colleagues. A woman with a BRCA result often needs both teams, and she should not have to coordinate them herself.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'breast-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'esgo-sgo-2024'), NULL,
  'published', 'public', '', strftime('%s', '2024-03-17 20:06:54'), strftime('%s','now'), strftime('%s','now'));
-- 16: ASCO 2024 / gu-cancer / keynote-564
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  16, 1, 'who-should-receive-adjuvant-pembrolizumab-after-nephrectomy-applying-keynote-564-risk-groups',
  'Who should receive adjuvant pembrolizumab after nephrectomy? Applying KEYNOTE-564 risk groups',
  'Now that adjuvant pembrolizumab has shown a survival benefit, selecting patients is the practical challenge. Dr Jonathan Pereira explains how he uses the trial''s risk categories.',
  'Four months after the survival data from KEYNOTE-564, Dr Jonathan Pereira presented an analysis of how often adjuvant pembrolizumab is offered in a large US health system. He found wide variation.

**Which patients were in the trial?**

Patients with clear-cell histology, including sarcomatoid features, in three groups: intermediate-high risk (pT2 with grade 4 or sarcomatoid features, or pT3 of any grade), high risk (pT4 or node-positive disease), and patients whose metastatic disease had been completely resected within a year of nephrectomy.

**How do you use those categories?**

They are my starting point, but within the intermediate-high group the risk of recurrence varies considerably. A small pT3a tumour of low grade carries a much lower risk than a large high-grade tumour with sarcomatoid features. I discuss the absolute benefit with that in mind.

## What we found locally

- Many eligible patients were never referred to medical oncology after surgery.
- Referral was more frequent from high-volume urologists.
- Some patients started treatment beyond the 12-week window used in the trial.

**What did you change?**

Every nephrectomy pathology report now triggers an automatic review of eligibility. Patients are seen by an oncologist within six weeks of surgery, which gives enough time to discuss the decision without pressure.

**What about non-clear-cell histologies?**

They were excluded, so I do not offer adjuvant pembrolizumab outside trials for those tumours.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'gu-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'asco-2024'), (SELECT id FROM trial WHERE site_id = 1 AND slug = 'keynote-564'),
  'published', 'public', '', strftime('%s', '2024-06-02 11:19:37'), strftime('%s','now'), strftime('%s','now'));
-- 17: ASCO 2024 / breast-cancer / destiny-breast04
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  17, 1, 'her2-low-after-destiny-breast04-how-pathology-and-oncology-are-adapting',
  'HER2-low after DESTINY-Breast04: how pathology and oncology are adapting',
  'Two years after DESTINY-Breast04 made HER2-low a treatable category, Dr Marisol Quintero discusses scoring reproducibility, retesting and the move towards HER2-ultralow.',
  'HER2 immunohistochemistry was designed to find amplified tumours, not to separate a score of 0 from 1+. DESTINY-Breast04 changed that overnight. Dr Marisol Quintero presented data on scoring agreement at ASCO and told us how her centre has adapted.

## A trial that rewrote the pathology report

**What did DESTINY-Breast04 establish?**

In patients with HER2-low metastatic breast cancer treated with one or two previous lines of chemotherapy, trastuzumab deruxtecan roughly doubled progression-free survival compared with chemotherapy, and improved overall survival, in both the hormone receptor-positive cohort and the whole population.

**Is the 0 versus 1+ distinction reliable?**

Less than we would like. In our study, agreement between pathologists improved substantially after focused training with reference images, but disagreement remained in a meaningful minority of cases close to the threshold.

## What we changed locally

- Reports now state HER2 0, ultralow or low explicitly rather than just "negative".
- Borderline cases are reviewed by a second pathologist.
- If the primary was HER2 0, we retest a metastatic biopsy or an archival sample before excluding a patient.

**Where is this heading?**

Data in HER2-ultralow disease suggest the drug works across a continuum of low expression. We may be moving towards a world where the useful question is whether there is any HER2 at all.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'breast-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'asco-2024'), (SELECT id FROM trial WHERE site_id = 1 AND slug = 'destiny-breast04'),
  'published', 'public', '', strftime('%s', '2024-06-02 19:36:12'), strftime('%s','now'), strftime('%s','now'));
-- 18: ASCO 2024 / lung-cancer / laura
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  18, 1, 'osimertinib-after-chemoradiotherapy-laura-redefines-stage-iii-egfr-mutant-nsclc',
  'Osimertinib after chemoradiotherapy: LAURA redefines stage III EGFR-mutant NSCLC',
  'In the ASCO 2024 plenary, LAURA showed a dramatic progression-free survival benefit for osimertinib after chemoradiotherapy in unresectable stage III EGFR-mutant lung cancer. A radiation oncologist and a medical oncologist discuss the result.',
  'Consolidation durvalumab after chemoradiotherapy has been the standard for unresectable stage III NSCLC, but patients with EGFR mutations seemed to benefit little. LAURA tested osimertinib instead. We spoke to Dr Ravi Kapadia and Dr Li-Ting Haw after the plenary.

**Dr Haw, how large was the effect?**

*Haw:* Median progression-free survival was 39.1 months with osimertinib against 5.6 months with placebo, a hazard ratio of 0.16. I cannot remember a larger effect in a randomised lung cancer trial. The placebo arm also shows how quickly these tumours relapse after chemoradiotherapy alone.

**Overall survival is not yet mature. Does that worry you?**

*Haw:* A little. Most placebo patients received osimertinib at progression, so survival may never differ greatly. But delaying progression, including brain metastases, matters to patients in itself.

**Dr Kapadia, what does this mean for radiotherapy?**

*Kapadia:* Chemoradiotherapy remains the foundation; LAURA did not question it. But radiation pneumonitis was more frequent with osimertinib, mostly low grade, so we need to follow patients closely in the first months and be careful with lung dose constraints.

## Practical consequences

- EGFR testing must be completed before or during chemoradiotherapy in stage III non-squamous disease.
- Patients with EGFR mutations should not receive consolidation durvalumab by default.
- Treatment continues until progression, which raises questions about cost and long-term toxicity.

*Kapadia:* The biggest change is organisational: molecular results now have to be available in a curative pathway, not just in advanced disease.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'lung-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'asco-2024'), (SELECT id FROM trial WHERE site_id = 1 AND slug = 'laura'),
  'published', 'public', 'https://www.youtube.com/watch?v=Srz1mwrTMCk', strftime('%s', '2024-06-02 22:31:46'), strftime('%s','now'), strftime('%s','now'));
-- 19: ASCO 2024 / breast-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  19, 1, 'adjuvant-cdk4-6-inhibitors-in-2024-selecting-patients-for-abemaciclib-or-ribociclib',
  'Adjuvant CDK4/6 inhibitors in 2024: selecting patients for abemaciclib or ribociclib',
  'Two CDK4/6 inhibitors now have adjuvant indications with different eligibility criteria and durations. Dr Rachel Okonkwo explains how she matches patients to them.',
  'For hormone receptor-positive, HER2-negative early breast cancer at high risk of recurrence, adding a CDK4/6 inhibitor to endocrine therapy is now routine. Choosing which one, and for whom, is less straightforward.

## Two trials, two populations

**How do the eligible populations differ?**

monarchE enrolled node-positive patients with high-risk features and gave abemaciclib for two years. NATALEE used a lower dose of ribociclib for three years and included a broader group, among them some node-negative stage II tumours with high-risk biology. In our institutional analysis, the broader criteria roughly doubled the number of patients who could be offered an adjuvant CDK4/6 inhibitor.

**How do you choose when both apply?**

Toxicity profile and the patient''s life. Abemaciclib causes diarrhoea that is manageable but unwelcome; ribociclib requires ECG and liver monitoring and has interaction issues. I show both schedules and let patients weigh them.

## Points I always cover

- The absolute benefit is modest in lower-risk patients, so the burden matters.
- Fatigue and neutropenia are common early and usually settle.
- Adherence falls over time; planned follow-up calls help.

**What do we still need?**

Longer follow-up with survival data in the broader population, and biomarkers to identify those who truly need the extra treatment.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'breast-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'asco-2024'), NULL,
  'published', 'public', '', strftime('%s', '2024-06-03 08:59:41'), strftime('%s','now'), strftime('%s','now'));
-- 20: ASCO 2024 / lung-cancer / adaura
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  20, 1, 'adjuvant-osimertinib-after-adaura-survival-data-duration-mrd-and-the-patients-in-between',
  'Adjuvant osimertinib after ADAURA survival data: duration, MRD and the patients in between',
  'ADAURA established adjuvant osimertinib with an overall survival benefit. Dr Tobias Reinholt discusses the questions that remain: how long to treat, whether ctDNA can guide decisions and what to do in stage IB.',
  'A year after the overall survival results of ADAURA were presented in the ASCO plenary, Dr Tobias Reinholt presented data on what happens when patients stop adjuvant osimertinib.

**What did ADAURA establish?**

In completely resected stage IB to IIIA EGFR-mutant NSCLC, three years of osimertinib markedly improved disease-free survival and reduced the risk of death by about half. Five-year overall survival in stage II to IIIA was 85% with osimertinib against 73% with placebo.

**Why focus on what happens after three years?**

Because the disease-free survival curves begin to approach each other after treatment stops. In our cohort, recurrences after completion were not rare. That suggests osimertinib suppresses residual disease without always eradicating it.

## Open questions

- Would longer treatment prevent these late recurrences, or just postpone them?
- Can circulating tumour DNA identify patients who need longer therapy, or who could stop earlier?
- How should stage IB tumours be handled, given a smaller absolute benefit?

**Is ctDNA ready for this?**

Not yet. Detection after surgery is insensitive in early-stage lung cancer, and a negative result does not rule out residual disease. Trials of MRD-guided duration are under way.

**What do you tell patients now?**

That three years is the evidence-based duration, that side effects are usually mild, and that we will monitor them closely after stopping. Brain imaging is part of our follow-up, because CNS recurrence was notably reduced during treatment in ADAURA.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'lung-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'asco-2024'), (SELECT id FROM trial WHERE site_id = 1 AND slug = 'adaura'),
  'published', 'public', '', strftime('%s', '2024-06-03 18:14:52'), strftime('%s','now'), strftime('%s','now'));
-- 21: ASCO 2024 / gi-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  21, 1, 'liver-transplantation-for-unresectable-colorectal-liver-metastases-who-could-be-a-candidate',
  'Liver transplantation for unresectable colorectal liver metastases: who could be a candidate?',
  'The randomised TRANSMET trial reported a major survival benefit for transplantation plus chemotherapy in highly selected patients. Dr Lorenzo Ferraguti discusses selection criteria and the ethics of organ allocation.',
  'Liver transplantation for colorectal metastases was abandoned decades ago because of poor results. The randomised TRANSMET trial, presented in Chicago, brought it back into serious discussion. Dr Lorenzo Ferraguti told us what he took from it.

**What did TRANSMET show?**

Patients with liver-only metastases that could never be resected, who had responded or remained stable on chemotherapy, were randomised to transplantation plus chemotherapy or chemotherapy alone. Five-year overall survival was far higher in the transplant arm, a difference of a size rarely seen in metastatic colorectal cancer.

**Who was eligible?**

A very selected group: primary tumour removed, no disease outside the liver, good performance status, a limited number of chemotherapy lines and disease control for several months. In our estimate, only a small fraction of patients with liver-only metastases would meet these criteria.

## The organ problem

- Donor livers are scarce, and every graft used here is one not available for another indication.
- Living donation and marginal grafts are being explored to increase supply.
- Allocation rules differ between countries and need open debate.

**What should oncologists do now?**

Identify potentially eligible patients early and discuss them with a transplant centre, before too many lines of chemotherapy close the window. Recurrence after transplant is common, but it is often limited and treatable, so the benefit should be judged on survival rather than on recurrence alone.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'gi-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'asco-2024'), NULL,
  'published', 'verified_hcp', '', strftime('%s', '2024-06-03 22:09:35'), strftime('%s','now'), strftime('%s','now'));
-- 22: ASCO 2024 / lung-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  22, 1, 'perioperative-immunotherapy-in-resectable-nsclc-a-surgeon-on-choosing-the-right-regimen',
  'Perioperative immunotherapy in resectable NSCLC: a surgeon on choosing the right regimen',
  'Several neoadjuvant and perioperative checkpoint inhibitor regimens are now approved for resectable NSCLC. Thoracic surgeon Dr Grace Ndlovu explains how surgeons are adapting.',
  'Within two years, the treatment of resectable NSCLC has moved from surgery followed by chemotherapy to immunotherapy before, and often after, surgery. Dr Grace Ndlovu presented surgical outcomes from her centre.

**What are the options now?**

Neoadjuvant nivolumab with chemotherapy for three cycles, based on CheckMate 816, and several perioperative regimens with treatment continued after surgery, such as pembrolizumab in KEYNOTE-671 and durvalumab in AEGEAN. They all improve event-free survival compared with chemotherapy alone.

**Has the surgery itself become harder?**

Sometimes. After immunotherapy, we occasionally see more fibrosis around hilar structures, which can make dissection slower. But in our experience, complication rates and the proportion of minimally invasive operations have been similar to surgery after chemotherapy.

## What surgeons need to know

- Test EGFR and ALK before starting immunotherapy; patients with these alterations should follow targeted pathways.
- Plan the operation date before the first cycle, so that surgery is not delayed.
- A pathological complete response is common and should be reported in a standardised way.

**How do you choose between neoadjuvant-only and perioperative regimens?**

There are no head-to-head trials. Patients with a complete pathological response probably gain little from adjuvant treatment, while those with residual disease may benefit more. Until data arrive, the choice is discussed in the tumour board case by case.

**Any advice for colleagues?**

Surgeons must be in the room when the systemic plan is made. It is no longer possible to run surgery and oncology as separate services.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'lung-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'asco-2024'), NULL,
  'published', 'public', 'https://www.youtube.com/watch?v=zQnt0AVykBY', strftime('%s', '2024-06-04 09:42:31'), strftime('%s','now'), strftime('%s','now'));
-- 23: ASCO 2024 / gu-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  23, 1, 'trimodality-therapy-for-muscle-invasive-bladder-cancer-who-can-keep-their-bladder',
  'Trimodality therapy for muscle-invasive bladder cancer: who can keep their bladder?',
  'Bladder-sparing chemoradiotherapy is an alternative to radical cystectomy for selected patients. Dr Fiona McAlister explains selection, follow-up and the importance of a joint team.',
  'Radical cystectomy is still the most common curative treatment for muscle-invasive bladder cancer, but it is not the only one. Dr Fiona McAlister presented outcomes from a Scottish trimodality programme.

**What is trimodality therapy?**

A maximal transurethral resection of the tumour, followed by radiotherapy with concurrent radiosensitising chemotherapy. Regular cystoscopy then monitors the bladder, and cystectomy is kept for persistent or recurrent invasive disease.

**Who is a good candidate?**

The ideal patient has a single tumour that can be completely resected, no hydronephrosis, no extensive carcinoma in situ and good bladder function. Patients who are unfit for cystectomy are also frequently treated this way, with good results.

## Outcomes in our cohort

- Most patients kept a functioning bladder.
- Salvage cystectomy was needed in a minority and was feasible in experienced hands.
- Non-invasive recurrences were common and were managed endoscopically.

**Why do so few patients receive it?**

Partly because the first consultation is usually with a surgeon, and partly because the follow-up is demanding. I would like every patient to see both a urologist and an oncologist before deciding. When both options are presented side by side, a substantial number choose bladder preservation.

**How does immunotherapy fit in?**

Trials combining checkpoint inhibitors with chemoradiotherapy are ongoing. For now, the standard regimen remains chemoradiotherapy without immunotherapy.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'gu-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'asco-2024'), NULL,
  'published', 'public', '', strftime('%s', '2024-06-04 20:44:13'), strftime('%s','now'), strftime('%s','now'));
-- 24: ESMO GI 2024 / gi-cancer / checkmate-8hw
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  24, 1, 'reading-the-checkmate-8hw-curves-early-progression-central-testing-and-treatment-duration',
  'Reading the CheckMate 8HW curves: early progression, central testing and treatment duration',
  'The first-line CheckMate 8HW data raise practical questions about early progressors, testing accuracy and how long to treat. Dr Lorenzo Ferraguti addresses each in turn.',
  'In Munich, Dr Lorenzo Ferraguti presented a multicentre Italian analysis of patients who progress early on first-line immunotherapy for MSI-high colorectal cancer. He explained how it relates to CheckMate 8HW.

## The early-progression problem

**Why do some patients progress within weeks?**

There are several explanations. Some tumours are misclassified and are in fact microsatellite stable. Others carry genuine resistance mechanisms, for example in antigen presentation. And some patients have pseudo-progression, which is uncommon but real.

**How does CheckMate 8HW help?**

The progression-free survival curves for nivolumab plus ipilimumab separate early from chemotherapy, suggesting the combination reduces the fraction of early progressors compared with what was seen with single-agent anti-PD-1 in earlier trials. Central confirmation of MSI status in the trial also removed much of the misclassification noise.

## Our findings

In our cohort, a discordance between local and retrospective testing explained a notable share of early progressions. Patients with high tumour burden and liver metastases were over-represented among the rest.

**How long should patients be treated?**

The trial capped treatment at two years. Many of my patients in deep remission ask to stop earlier, and there are data suggesting durable benefit after discontinuation, but I would not stop before a year outside a study.

- Confirm MSI status before starting.
- Reassess carefully at the first scan rather than switching immediately.
- Discuss treatment duration openly from the start.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'gi-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'esmo-gi-2024'), (SELECT id FROM trial WHERE site_id = 1 AND slug = 'checkmate-8hw'),
  'published', 'public', '', strftime('%s', '2024-06-27 20:33:51'), strftime('%s','now'), strftime('%s','now'));
-- 25: ESMO GI 2024 / gi-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  25, 1, 'perioperative-immunotherapy-in-gastric-cancer-mixed-signals-before-the-definitive-readouts',
  'Perioperative immunotherapy in gastric cancer: mixed signals before the definitive readouts',
  'Adding checkpoint inhibitors to perioperative chemotherapy improves pathological response in gastric cancer, but event-free survival results have been inconsistent. Dr Matthias Oberhuber explains the uncertainty.',
  'Perioperative FLOT chemotherapy has been the European standard for resectable gastric and gastro-oesophageal junction adenocarcinoma for several years. Whether immunotherapy should be added was the subject of a lively session in Munich.

**What do we know so far?**

Several phase 3 trials have shown that adding a checkpoint inhibitor to perioperative chemotherapy increases pathological complete response. The problem is that higher pathological response has not automatically translated into better event-free survival: KEYNOTE-585, for example, did not reach statistical significance for that endpoint.

**Why might pathological response mislead us?**

In gastric cancer, the baseline complete response rate with chemotherapy is low, so even a doubling affects a small group of patients. The survival of the majority with residual disease dominates the outcome.

## Where I stand in mid-2024

- FLOT remains the standard backbone for fit patients.
- MSI-high gastric cancer is a special case; these tumours respond well to immunotherapy and may not benefit from chemotherapy at all.
- Durvalumab with FLOT is the combination to watch, with event-free survival data expected.

**What about PD-L1 selection?**

Higher combined positive scores probably identify patients more likely to benefit, as in the metastatic setting. I would expect future guidelines to use PD-L1 thresholds, but the data are not yet mature enough to say which.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'gi-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'esmo-gi-2024'), NULL,
  'published', 'public', '', strftime('%s', '2024-06-28 16:04:27'), strftime('%s','now'), strftime('%s','now'));
-- 26: ESMO GI 2024 / gi-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  26, 1, 'claudin-18-2-testing-in-advanced-gastric-cancer-building-a-workflow-that-works',
  'Claudin 18.2 testing in advanced gastric cancer: building a workflow that works',
  'With zolbetuximab approved for claudin 18.2-positive gastric cancer, laboratories must add another biomarker to the first-line panel. Dr Kenji Moriyama shares how his centre organised testing.',
  'First-line treatment of advanced gastric and gastro-oesophageal junction adenocarcinoma now depends on HER2, PD-L1, mismatch repair status and claudin 18.2. Japan was among the first countries to approve zolbetuximab, and Dr Kenji Moriyama described the practical consequences.

**What counts as claudin 18.2-positive?**

In the phase 3 trials, positivity meant moderate-to-strong membranous staining in at least 75% of tumour cells, using a specific validated assay. Roughly a third of patients meet that threshold.

**How did you organise testing?**

All four markers are requested together at diagnosis, on the same biopsy block. The pathology department cuts enough sections at once to avoid returning to the block. Our turnaround improved once we stopped ordering markers sequentially.

## Lessons learnt

- Small endoscopic biopsies can run out; ask the endoscopist for several fragments.
- Expression can differ between the primary and metastases.
- Overlap exists: some tumours are positive for both claudin 18.2 and PD-L1, and the choice of first-line therapy then needs discussion.

**What about tolerability?**

Nausea and vomiting, particularly during the first infusions, are the main issue. Slowing the infusion rate and giving strong antiemetic prophylaxis make a large difference. Patients should be told in advance, so that they do not interpret the nausea as a sign that treatment is failing.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'gi-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'esmo-gi-2024'), NULL,
  'published', 'public', 'https://www.youtube.com/watch?v=BGfiI3BVPbM', strftime('%s', '2024-06-28 19:17:45'), strftime('%s','now'), strftime('%s','now'));
-- 27: ESMO GI 2024 / gi-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  27, 1, 'early-onset-colorectal-cancer-what-is-driving-the-rise-in-adults-under-50',
  'Early-onset colorectal cancer: what is driving the rise in adults under 50?',
  'Colorectal cancer incidence is increasing among younger adults in many countries. A dedicated ESMO GI session reviewed possible causes, diagnostic delays and the specific needs of younger patients.',
  'A packed room in Munich heard that colorectal cancer in people under 50 is no longer a rarity. Incidence in younger adults has risen steadily for two decades in many high-income countries, while it has fallen in older people thanks to screening.

## Possible causes

No single explanation fits the data. Speakers discussed:

- obesity, sedentary lifestyle and diet, which explain part but not all of the trend;
- changes in the gut microbiome, including exposure to antibiotics early in life;
- a birth-cohort effect suggesting that exposures in childhood matter.

## Delayed diagnosis

Dr Céline Baptiste presented a French study showing that younger patients waited longer between first symptoms and diagnosis. Rectal bleeding was often attributed to haemorrhoids, and iron deficiency anaemia was not always investigated.

"The message is simple: a young person with rectal bleeding or unexplained anaemia deserves an endoscopy," she told Plenary.

## Specific needs

Younger patients more often have rectal or left-sided tumours and are diagnosed at a later stage. They also face issues older patients may not, including fertility, young children, careers and sexual health. Several centres have opened dedicated clinics.

In the United States, screening now starts at 45. European programmes have not followed yet, and the session agreed that better evidence on the balance of benefits and costs is needed before extending screening to younger age groups.
',
  'report', (SELECT id FROM section WHERE site_id = 1 AND slug = 'gi-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'esmo-gi-2024'), NULL,
  'published', 'public', '', strftime('%s', '2024-06-30 10:46:18'), strftime('%s','now'), strftime('%s','now'));
-- 28: ESMO 2024 / gu-cancer / ev-302
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  28, 1, 'managing-enfortumab-vedotin-toxicity-skin-nerves-and-glucose-in-the-ev-302-era',
  'Managing enfortumab vedotin toxicity: skin, nerves and glucose in the EV-302 era',
  'With enfortumab vedotin plus pembrolizumab becoming standard first-line therapy, teams need protocols for its adverse events. Dr Jonathan Pereira shares his centre''s approach.',
  'The efficacy of enfortumab vedotin plus pembrolizumab is no longer in doubt. The question in Barcelona was how to keep patients safely on treatment. Dr Jonathan Pereira presented a nurse-led monitoring model.

## Three toxicities to watch

**Why does the skin react?**

Nectin-4, the target of enfortumab vedotin, is expressed in the skin. Rashes usually appear in the first cycles. Most are mild, but severe reactions including Stevens-Johnson syndrome and toxic epidermal necrolysis have been described, so any blistering or mucosal involvement means stopping treatment and urgent assessment.

**And peripheral neuropathy?**

It is cumulative and often the reason for dose reduction later in treatment. Because many patients stay on therapy for a long time, early reductions preserve function and allow longer treatment.

**What about hyperglycaemia?**

It can occur even in patients without diabetes and can be severe. We check glucose before each dose and educate patients about symptoms.

## Our protocol

- A nurse telephone check between day 1 and day 8 of every cycle.
- Photographs of skin changes shared with the team and, when needed, a dermatologist.
- Standardised dose-reduction steps for neuropathy.
- Capillary glucose monitoring for the first cycles.

**Did it make a difference?**

In our experience, fewer treatment discontinuations were caused by toxicity after we introduced the protocol. Patients also told us they felt safer knowing exactly whom to call.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'gu-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'esmo-2024'), (SELECT id FROM trial WHERE site_id = 1 AND slug = 'ev-302'),
  'published', 'hcp', 'https://www.youtube.com/watch?v=PP0pLQ3LZME', strftime('%s', '2024-09-14 18:27:34'), strftime('%s','now'), strftime('%s','now'));
-- 29: ESMO 2024 / lung-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  29, 1, 'limited-stage-small-cell-lung-cancer-after-adriatic-consolidation-immunotherapy-arrives',
  'Limited-stage small-cell lung cancer after ADRIATIC: consolidation immunotherapy arrives',
  'ADRIATIC showed that durvalumab after chemoradiotherapy improves overall survival in limited-stage small-cell lung cancer. Dr Antoine Delacroix discusses the result and the wider SCLC landscape.',
  'Small-cell lung cancer has seen few advances in decades. ADRIATIC, first presented at ASCO 2024 and discussed widely in Barcelona, changed that for limited-stage disease. Dr Antoine Delacroix explained why.

**What did ADRIATIC show?**

Patients with limited-stage SCLC who had not progressed after concurrent chemoradiotherapy received durvalumab or placebo for up to two years. Durvalumab improved both overall and progression-free survival, with a hazard ratio for death of about 0.73.

**Why did it succeed where extensive-stage trials gave smaller gains?**

Limited-stage disease is treated with curative intent, and the burden of residual disease after chemoradiotherapy is lower. Immunotherapy may be more effective when there is less tumour to control.

## Questions for practice

- Prophylactic cranial irradiation was allowed in the trial; many centres now prefer MRI surveillance, and our survey showed wide variation in France.
- Once-daily or twice-daily thoracic radiotherapy were both permitted.
- Patients with pneumonitis after chemoradiotherapy need careful assessment before starting.

**And in extensive-stage disease?**

Chemo-immunotherapy is standard, and new agents such as tarlatamab, a bispecific T-cell engager targeting DLL3, have shown activity after progression. Tarlatamab brings cytokine release syndrome and neurological events, so it must be given in centres able to monitor patients closely.

**Is there hope for biomarkers?**

Molecular subtypes of SCLC are being defined, and they may finally allow us to stop treating it as one disease.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'lung-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'esmo-2024'), NULL,
  'published', 'public', '', strftime('%s', '2024-09-14 20:55:38'), strftime('%s','now'), strftime('%s','now'));
-- 30: ESMO 2024 / breast-cancer / alexandra-impassion030
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  30, 1, 'neoadjuvant-or-adjuvant-reading-alexandra-impassion030-alongside-keynote-522',
  'Neoadjuvant or adjuvant? Reading ALEXANDRA/IMpassion030 alongside KEYNOTE-522',
  'Nine months after the negative ALEXANDRA/IMpassion030 result, Dr Rachel Okonkwo compares it with the positive neoadjuvant immunotherapy data and explains why timing may be decisive.',
  'With survival data from neoadjuvant pembrolizumab presented in Barcelona, the contrast with the adjuvant atezolizumab trial was discussed in almost every breast session. Dr Rachel Okonkwo gave us her reading of the two studies.

## Two trials, two answers

**Can the trials be compared directly?**

Not formally. They used different antibodies, different chemotherapy backbones and, above all, different timing. In KEYNOTE-522 the drug is given while the primary tumour is still in place; in ALEXANDRA the tumour had already been removed.

**Why might the primary tumour matter?**

The leading hypothesis is that an intact tumour and its draining lymph nodes provide the antigen and the immune machinery needed to prime new T-cell responses. Once both are removed, a checkpoint inhibitor may have much less to work with. It is a biologically elegant explanation, but it remains a hypothesis.

## Implications for patients

- Stage II–III TNBC should be discussed in a tumour board before any surgery is booked.
- Upfront surgery followed by immunotherapy is not an evidence-based alternative.
- Patients operated on first elsewhere need a careful conversation rather than an improvised adjuvant regimen.

**What would you like the next trials to test?**

How short the neoadjuvant immunotherapy window can be while still doing its job, and whether patients with a complete response need the adjuvant phase at all.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'breast-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'esmo-2024'), (SELECT id FROM trial WHERE site_id = 1 AND slug = 'alexandra-impassion030'),
  'published', 'public', '', strftime('%s', '2024-09-15 16:51:44'), strftime('%s','now'), strftime('%s','now'));
-- 31: ESMO 2024 / gu-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  31, 1, 'niagara-perioperative-durvalumab-brings-immunotherapy-into-cystectomy-pathways',
  'NIAGARA: perioperative durvalumab brings immunotherapy into cystectomy pathways',
  'The NIAGARA trial showed that adding durvalumab to neoadjuvant cisplatin-gemcitabine and continuing it after cystectomy improved event-free and overall survival in muscle-invasive bladder cancer.',
  'Cisplatin-based neoadjuvant chemotherapy followed by radical cystectomy has been the standard for fit patients with muscle-invasive bladder cancer. NIAGARA, presented in Barcelona, tested adding durvalumab before and after surgery.

## Design and results

Cisplatin-eligible patients received gemcitabine and cisplatin with or without durvalumab before cystectomy, and durvalumab or no further treatment afterwards. Both primary and key secondary endpoints were positive:

- **Event-free survival** improved, with a hazard ratio of about 0.68.
- **Overall survival** improved, with a hazard ratio of about 0.75.
- The safety profile was consistent with the known effects of each component.

## Expert comment

Dr Daniel Achterberg, whose team presented a feasibility study of perioperative immunotherapy within a cystectomy pathway, called NIAGARA "the trial that finally joins systemic therapy and surgery into a single plan".

He highlighted several implementation points. Urologists and oncologists must agree on timing so that surgery is not delayed. Adjuvant immunotherapy must start once wounds have healed. And patients who are not eligible for cisplatin, a large group, were not included, so the question remains open for them.

## Remaining questions

- How to integrate NIAGARA with adjuvant nivolumab, already used after surgery in high-risk patients.
- Whether enfortumab vedotin-based perioperative regimens will be even more effective; trials are ongoing.
- Whether patients with a complete response could avoid cystectomy.
',
  'news', (SELECT id FROM section WHERE site_id = 1 AND slug = 'gu-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'esmo-2024'), NULL,
  'published', 'public', '', strftime('%s', '2024-09-15 21:58:02'), strftime('%s','now'), strftime('%s','now'));
-- 32: ESMO 2024 / breast-cancer / keynote-522
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  32, 1, 'keynote-522-overall-survival-neoadjuvant-pembrolizumab-now-extends-life-in-early-tnbc',
  'KEYNOTE-522 overall survival: neoadjuvant pembrolizumab now extends life in early TNBC',
  'At ESMO 2024 the KEYNOTE-522 investigators reported a statistically significant overall survival benefit for pembrolizumab added to neoadjuvant chemotherapy, with adjuvant continuation, in stage II–III triple-negative breast cancer.',
  'The final missing piece of the KEYNOTE-522 story arrived in the Presidential session in Barcelona: overall survival.

## The numbers

KEYNOTE-522 randomised 1,174 patients with previously untreated stage II–III triple-negative breast cancer, two to one, to pembrolizumab or placebo with carboplatin–paclitaxel followed by an anthracycline and cyclophosphamide, then continued the antibody or placebo after surgery.

- Estimated **5-year overall survival**: 86.6% with pembrolizumab versus 81.7% with placebo.
- **Hazard ratio** for death: 0.66.
- The event-free survival benefit seen earlier was maintained.

## Expert view

Commenting for Plenary, Dr Elodie Marchetti called the result a confirmation rather than a surprise. "Event-free survival was already strongly in favour of the regimen. What the survival data add is the certainty that we are not simply delaying recurrences," she said.

She also pointed to the cost of the benefit. Immune-related endocrine events, particularly hypothyroidism and adrenal insufficiency, can be permanent, and they occur in young women who will live for decades.

## Open questions

- Whether patients with a pathological complete response need all nine adjuvant cycles.
- Whether carboplatin is necessary in every patient.
- How to select patients with stage II, node-negative disease, where the absolute gain is smaller.

For now, the regimen is firmly the standard of care for eligible patients.
',
  'report', (SELECT id FROM section WHERE site_id = 1 AND slug = 'breast-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'esmo-2024'), (SELECT id FROM trial WHERE site_id = 1 AND slug = 'keynote-522'),
  'published', 'public', 'https://www.youtube.com/watch?v=EnI6p0DPDcY', strftime('%s', '2024-09-16 11:08:26'), strftime('%s','now'), strftime('%s','now'));
-- 33: ESMO 2024 / lung-cancer / laura
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  33, 1, 'laura-in-the-tumour-board-pneumonitis-imaging-and-treatment-without-an-end-date',
  'LAURA in the tumour board: pneumonitis, imaging and treatment without an end date',
  'Three months after LAURA, teams are working out how to deliver osimertinib after chemoradiotherapy. Dr Li-Ting Haw addresses the practical issues raised at ESMO 2024.',
  'At ESMO, Dr Li-Ting Haw presented a Singapore cohort looking at when osimertinib is started after chemoradiotherapy and how often pneumonitis follows. She shared the issues her tumour board now discusses routinely.

**When do you start osimertinib?**

In LAURA, treatment began within six weeks of completing chemoradiotherapy. In our cohort, most patients started within that window. Pneumonitis was more frequent in patients with higher lung doses, not in those who started earliest.

**How do you distinguish radiation pneumonitis from drug-induced lung disease?**

With difficulty. Radiation pneumonitis usually follows the shape of the treatment field, while drug-related interstitial lung disease tends to be more diffuse. Comparing the CT with the radiation plan is the most useful step, and this requires the radiation oncologist at the table.

## Tumour board checklist

- Confirm EGFR mutation type; LAURA included exon 19 deletions and L858R only.
- Obtain baseline brain MRI, as CNS progression is a key concern.
- Review the radiotherapy dose-volume data before starting.
- Agree a follow-up imaging schedule in the first six months.

**Treatment continues until progression. How do patients feel about that?**

Most accept it, because side effects are usually mild. But some ask whether they can stop after several years. We do not have data to support stopping, so for now I recommend continuing, while acknowledging that the question is legitimate and deserves a trial.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'lung-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'esmo-2024'), (SELECT id FROM trial WHERE site_id = 1 AND slug = 'laura'),
  'published', 'public', '', strftime('%s', '2024-09-16 14:07:29'), strftime('%s','now'), strftime('%s','now'));
-- 34: ESMO 2024 / gi-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  34, 1, 'ctdna-guided-adjuvant-therapy-in-colon-cancer-from-dynamic-to-routine-decisions',
  'ctDNA-guided adjuvant therapy in colon cancer: from DYNAMIC to routine decisions',
  'Circulating tumour DNA after surgery is a strong predictor of recurrence in colon cancer. Dr Kenji Moriyama explains how the evidence is evolving and where it is not yet ready for practice.',
  'Japan has one of the largest prospective ctDNA programmes in colorectal cancer. At ESMO, Dr Kenji Moriyama presented updated data on ctDNA dynamics after surgery.

## What we know

**Is post-operative ctDNA prognostic?**

Very strongly. Patients who are ctDNA-positive a few weeks after surgery have a much higher risk of recurrence than those who are negative, regardless of stage. Clearance of ctDNA during adjuvant chemotherapy is associated with better outcomes.

**Has it been used to guide treatment?**

The Australian DYNAMIC trial in stage II colon cancer showed that a ctDNA-guided strategy reduced the use of adjuvant chemotherapy without compromising recurrence-free survival. That is the strongest randomised evidence so far, and it concerns de-escalation.

## Where caution is needed

- In stage III disease, we do not yet have randomised proof that a negative test allows us to omit chemotherapy.
- For ctDNA-positive patients, it is unclear whether intensifying treatment improves outcomes.
- Test sensitivity is lower for some metastatic sites, such as the peritoneum and lungs.

**How do you use it today?**

In stage II disease with uncertain risk, a negative result can support a decision to observe. In stage III disease I still follow standard guidelines, and I encourage patients to join the trials testing escalation and de-escalation, because only they will give us the answers.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'gi-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'esmo-2024'), NULL,
  'published', 'public', '', strftime('%s', '2024-09-16 19:52:30'), strftime('%s','now'), strftime('%s','now'));
-- 35: ESMO 2024 / gu-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  35, 1, 'metastatic-hormone-sensitive-prostate-cancer-triplet-or-doublet-therapy',
  'Metastatic hormone-sensitive prostate cancer: triplet or doublet therapy?',
  'Adding docetaxel to androgen deprivation and an androgen receptor pathway inhibitor is an option for some men with metastatic hormone-sensitive prostate cancer. Dr Samuel Okafor explains how he selects them.',
  'Androgen deprivation therapy alone is no longer enough for most men with newly diagnosed metastatic prostate cancer. The debate in Barcelona was about how far to intensify. Dr Samuel Okafor presented UK practice data.

**What are the options?**

Doublets combine androgen deprivation with an androgen receptor pathway inhibitor such as abiraterone, enzalutamide, apalutamide or darolutamide. Triplets add docetaxel chemotherapy, supported by the PEACE-1 and ARASENS trials.

**Who benefits most from a triplet?**

The evidence is strongest for men with high-volume disease, particularly those with de novo metastases. For low-volume disease, the additional benefit of docetaxel over a doublet is uncertain, and the toxicity is real.

## How I decide

- Disease volume and whether metastases were present at diagnosis.
- Fitness for chemotherapy and the patient''s priorities.
- Comorbidities that interact with specific androgen receptor inhibitors, such as falls risk or cardiovascular disease.

**What did your survey find?**

Wide variation between centres, with some rarely using triplets even in high-volume patients. Access to chemotherapy day units and patient preferences seemed to explain much of the difference.

**What about radiotherapy to the prostate?**

For low-volume disease, radiotherapy to the primary improves survival and should be part of the plan. It is one of the cheapest effective interventions we have in this setting and is still underused.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'gu-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'esmo-2024'), NULL,
  'published', 'public', '', strftime('%s', '2024-09-17 10:36:55'), strftime('%s','now'), strftime('%s','now'));
-- 36: ESMO 2024 / lung-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  36, 1, 'lung-cancer-screening-with-low-dose-ct-reaching-the-people-who-need-it-most',
  'Lung cancer screening with low-dose CT: reaching the people who need it most',
  'Evidence that low-dose CT screening reduces lung cancer mortality is robust, yet uptake remains low. An ESMO session examined how programmes can reach people at highest risk.',
  'Two large randomised trials, NLST in the United States and NELSON in Europe, showed that low-dose CT screening reduces lung cancer mortality in people with a heavy smoking history. Yet, as an ESMO session made clear, most eligible people are still not screened.

## The participation problem

Speakers agreed that people at highest risk are least likely to take part. Current smokers, people in deprived areas and those with limited health literacy were under-represented in most pilots.

Dr Chiara Bellandi presented results from an Italian pilot that invited participants through general practitioners and community pharmacies. Participation was higher when invitations came from a familiar professional, and mobile CT units in deprived neighbourhoods helped.

## Screening as an opportunity

The pilot offered smoking cessation support at the screening visit. A meaningful share of smokers set a quit date, which speakers described as a benefit of screening in its own right.

## Practical issues

- Managing indeterminate nodules requires clear protocols to avoid unnecessary procedures.
- Incidental findings such as coronary calcification need a defined pathway.
- Radiology capacity must be planned before invitations are sent.

## Outlook

Several European countries are moving from pilots to national programmes. Artificial intelligence tools for nodule detection and risk prediction were presented, but speakers warned that technology will not fix participation. "The scanner is the easy part. The hard part is the invitation," Dr Bellandi told Plenary.
',
  'report', (SELECT id FROM section WHERE site_id = 1 AND slug = 'lung-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'esmo-2024'), NULL,
  'published', 'public', '', strftime('%s', '2024-09-17 16:24:13'), strftime('%s','now'), strftime('%s','now'));
-- 37: SABCS 2024 / breast-cancer / alexandra-impassion030
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  37, 1, 'alexandra-impassion030-one-year-on-what-could-explain-the-adjuvant-immunotherapy-failure',
  'ALEXANDRA/IMpassion030 one year on: what could explain the adjuvant immunotherapy failure?',
  'A year after the trial crossed its futility boundary, Dr Henrik Valdsen reviews the leading hypotheses and the translational work that could test them.',
  'Twelve months after the ALEXANDRA/IMpassion030 results, translational researchers in San Antonio were still debating why adding atezolizumab after surgery did not help. Dr Henrik Valdsen summarised the main explanations.

## Three hypotheses

**Is it simply the missing tumour?**

That is the most popular explanation. Without the primary tumour there is less antigen, and the regional nodes that would prime new T cells have often been sampled or removed. A checkpoint inhibitor can release a brake, but it cannot create a response that was never primed.

**What else could play a role?**

Two other ideas deserve attention. First, the chemotherapy backbone and schedule differ from the positive neoadjuvant studies, which may change how immunogenic cell death is induced. Second, patient selection: without a post-treatment pathology result, the trial could not enrich for patients with residual disease, who carry most of the risk.

## What the samples might tell us

The trial collected tissue and blood, which is valuable. Questions that could be addressed include:

- whether tumour-infiltrating lymphocytes at surgery predict any subgroup effect;
- whether circulating tumour DNA clearance differed between the arms;
- how immune-related adverse events related to outcomes.

**What is your take-home message?**

A negative trial this large is a gift to the field if we use it well. It tells us timing is not a detail.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'breast-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'sabcs-2024'), (SELECT id FROM trial WHERE site_id = 1 AND slug = 'alexandra-impassion030'),
  'published', 'public', 'https://www.youtube.com/watch?v=AjKvuIkGy7Y', strftime('%s', '2024-12-11 17:45:03'), strftime('%s','now'), strftime('%s','now'));
-- 38: SABCS 2024 / breast-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  38, 1, 'pregnancy-after-breast-cancer-turning-reassuring-data-into-practical-counselling',
  'Pregnancy after breast cancer: turning reassuring data into practical counselling',
  'Evidence now supports a temporary pause of endocrine therapy for women who wish to conceive. Breast surgeon Dr Aoife Dunleavy explains how her team organises these conversations.',
  'For many young women with breast cancer, the wish to have children is as important as the treatment itself. Dr Aoife Dunleavy runs a fertility pathway in Dublin and spoke to us after her poster.

## The evidence has moved

**What has changed in the past two years?**

The POSITIVE study showed that women with hormone receptor-positive early breast cancer who paused endocrine therapy after 18 to 30 months to try to conceive did not have a higher short-term rate of breast cancer events than expected. Longer follow-up is needed, but it allowed us to stop telling women to wait until their forties.

**When should fertility be raised?**

At the very first consultation, before chemotherapy. Egg or embryo cryopreservation takes about two weeks and rarely delays treatment meaningfully if it is organised promptly.

## How our pathway works

- Every woman under 40 is asked about family plans by a specialist nurse.
- Same-week referral to reproductive medicine is guaranteed.
- A follow-up appointment is scheduled at two years to revisit the question.

**What about breastfeeding?**

Many women are able to breastfeed from the untreated breast, and some from the treated side. It is worth discussing, because it is often assumed to be impossible.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'breast-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'sabcs-2024'), NULL,
  'published', 'public', '', strftime('%s', '2024-12-12 08:13:49'), strftime('%s','now'), strftime('%s','now'));
-- 39: SABCS 2024 / breast-cancer / destiny-breast04
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  39, 1, 'sequencing-antibody-drug-conjugates-in-hr-positive-her2-low-metastatic-breast-cancer',
  'Sequencing antibody–drug conjugates in HR-positive, HER2-low metastatic breast cancer',
  'With two topoisomerase-inhibitor ADCs available, the order in which to use them is a daily question. Dr Rachel Okonkwo shares how she approaches sequencing while prospective data are awaited.',
  'Antibody–drug conjugates have moved from last resort to the middle of the treatment pathway for hormone receptor-positive metastatic breast cancer. Dr Rachel Okonkwo presented a retrospective series on giving one ADC after another.

**Why is sequencing a problem at all?**

Several of the available conjugates share a topoisomerase I inhibitor payload. If resistance is driven by the payload rather than the antibody target, the second drug may work less well than the first, and that is what most retrospective series, including ours, suggest.

**How long did patients benefit from the second ADC?**

On average the time on treatment with the second agent was clearly shorter than with the first. Some patients still had durable benefit, so a prior ADC should not be an absolute exclusion, but expectations need to be set.

## How I decide today

- After endocrine therapy with a CDK4/6 inhibitor, and targeted options if a driver is present, HER2-low status usually leads me to trastuzumab deruxtecan.
- I consider a chemotherapy line between two conjugates when the disease allows it.
- Lung toxicity history matters: a patient who had pneumonitis on one conjugate needs a careful discussion before the next.

**What would settle the question?**

Randomised sequencing trials and better biomarkers of payload resistance. Until then, individual judgement and honest counselling are the tools we have.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'breast-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'sabcs-2024'), (SELECT id FROM trial WHERE site_id = 1 AND slug = 'destiny-breast04'),
  'published', 'verified_hcp', '', strftime('%s', '2024-12-12 22:17:58'), strftime('%s','now'), strftime('%s','now'));
-- 40: SABCS 2024 / breast-cancer / keynote-522
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  40, 1, 'endocrine-toxicities-after-neoadjuvant-pembrolizumab-lessons-from-routine-practice',
  'Endocrine toxicities after neoadjuvant pembrolizumab: lessons from routine practice',
  'Hypothyroidism and adrenal insufficiency are the immune-related events that outlast KEYNOTE-522-style treatment. Dr Sunita Raghavan describes the monitoring pathway her centre built.',
  'Since the KEYNOTE-522 regimen became standard, breast oncologists have had to learn endocrinology. Dr Sunita Raghavan presented a real-world series of patients treated in Mumbai.

**How common were endocrine events in your series?**

Thyroid dysfunction was the most frequent, usually a transient thyroiditis followed by permanent hypothyroidism. Adrenal insufficiency was rarer but more dangerous, and several cases were first recognised after surgery, when fatigue was attributed to recovery.

**Why is adrenal insufficiency missed?**

Its symptoms overlap with chemotherapy side effects: tiredness, nausea, low appetite. Unless a morning cortisol is checked, the diagnosis is easy to overlook until the patient arrives with a crisis.

## Our monitoring pathway

- Thyroid function and morning cortisol at baseline and before every cycle.
- Continued testing during the adjuvant phase and for several months after the last dose.
- A steroid emergency card and sick-day rules for anyone started on hydrocortisone.
- A named endocrinologist who reviews new cases within a week.

**Do patients need to know about permanence?**

Yes, before they start. Most accept lifelong levothyroxine as a reasonable price, but they want to hear it from us first, not discover it afterwards. Consent discussions should include it explicitly.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'breast-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'sabcs-2024'), (SELECT id FROM trial WHERE site_id = 1 AND slug = 'keynote-522'),
  'published', 'hcp', '', strftime('%s', '2024-12-13 10:22:36'), strftime('%s','now'), strftime('%s','now'));
-- 41: SABCS 2024 / breast-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  41, 1, 'geriatric-assessment-before-adjuvant-chemotherapy-a-tool-not-a-barrier',
  'Geriatric assessment before adjuvant chemotherapy: a tool, not a barrier',
  'Older women are often over- or under-treated for early breast cancer. Dr Noa Benhamou explains how a short geriatric assessment changes decisions without delaying care.',
  'Chronological age tells us little about whether a woman of 75 can tolerate chemotherapy. Dr Noa Benhamou set up a geriatric oncology service in Israel and presented its first results in San Antonio.

**What does the assessment include?**

Function, falls, cognition, mood, nutrition, medications and social support. It takes about 30 minutes with a trained nurse, and a screening questionnaire decides who needs the full version.

**Did it change decisions?**

In roughly a third of patients the plan changed. Some fit women who would have been denied chemotherapy on age alone received it. Others, with unrecognised cognitive impairment or frailty, were offered a gentler regimen or endocrine therapy alone.

## Beyond the yes-or-no decision

The assessment also triggers interventions that help whatever the treatment:

- physiotherapy for women at risk of falls;
- deprescribing of drugs that interact with cancer treatment;
- dietitian support for weight loss;
- involvement of family members in follow-up.

**What is the biggest barrier to adoption?**

Time and staffing. But our experience is that the assessment saves time later, because there are fewer unplanned admissions. Even a short screening tool is better than clinical impression alone.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'breast-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'sabcs-2024'), NULL,
  'published', 'public', '', strftime('%s', '2024-12-13 15:31:22'), strftime('%s','now'), strftime('%s','now'));
-- 42: ASCO GI 2025 / gi-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  42, 1, 'her2-amplified-metastatic-colorectal-cancer-testing-and-treatment-options-in-2025',
  'HER2-amplified metastatic colorectal cancer: testing and treatment options in 2025',
  'A small subset of colorectal cancers is HER2-amplified, and several anti-HER2 strategies are now available. This report summarises an ASCO GI educational session and comments from Dr Lorenzo Ferraguti.',
  'HER2 amplification occurs in a small percentage of metastatic colorectal cancers, mostly RAS wild-type tumours of the left colon and rectum. An ASCO GI educational session reviewed how to find these patients and what to offer them.

## Finding the patients

HER2 status should be assessed in every RAS and BRAF wild-type metastatic tumour. Colorectal-specific scoring criteria differ from those used in breast and gastric cancer, and laboratories need to apply them. Next-generation sequencing panels can detect amplification and are increasingly used.

Dr Lorenzo Ferraguti presented an audit showing that HER2 testing was still missing in a meaningful share of eligible patients. "If you do not test, you will never find them," he said.

## Treatment options

- **Tucatinib plus trastuzumab**, a chemotherapy-free doublet, after standard chemotherapy.
- **Trastuzumab deruxtecan**, with attention to interstitial lung disease.
- Dual antibody combinations such as trastuzumab with pertuzumab.

## Anti-EGFR caution

HER2 amplification is associated with resistance to anti-EGFR antibodies. Several speakers argued that a HER2-amplified tumour should prompt reconsideration of first-line cetuximab or panitumumab, although randomised first-line data with anti-HER2 strategies are still being collected.

## Take-home points

Test early, interpret with colorectal-specific criteria, and plan the sequence of anti-HER2 therapies together with the standard chemotherapy backbone.
',
  'report', (SELECT id FROM section WHERE site_id = 1 AND slug = 'gi-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'asco-gi-2025'), NULL,
  'published', 'public', '', strftime('%s', '2025-01-25 13:26:59'), strftime('%s','now'), strftime('%s','now'));
-- 43: ASCO GI 2025 / gi-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  43, 1, 'molecular-profiling-in-biliary-tract-cancer-test-early-test-broadly',
  'Molecular profiling in biliary tract cancer: test early, test broadly',
  'A large share of biliary tract cancers carry a targetable alteration. Dr Yasmin Haddad explains why comprehensive profiling should be requested at diagnosis, not at progression.',
  'Biliary tract cancers are rare, aggressive and molecularly diverse. Dr Yasmin Haddad presented data showing how the timing of genomic testing affects access to targeted drugs.

**Which alterations matter?**

In intrahepatic cholangiocarcinoma, FGFR2 fusions and IDH1 mutations are the most frequent actionable findings. HER2 amplification is more common in gallbladder and extrahepatic tumours. BRAF V600E, mismatch repair deficiency and rare NTRK fusions complete the list.

**What did your analysis show?**

Patients profiled at diagnosis were far more likely to receive a matched therapy than those profiled after first-line progression. The reason is simple: many patients deteriorate quickly, and when the result finally arrives they are no longer fit for further treatment.

## Practical recommendations

- Request comprehensive sequencing on the diagnostic biopsy whenever tissue allows.
- Use liquid biopsy when tissue is insufficient, accepting that fusions may be missed.
- Start first-line chemotherapy with immunotherapy while waiting; do not delay treatment for the result.

**How do you handle small biopsies?**

We ask interventional radiologists for extra cores specifically for molecular testing. A conversation before the biopsy saves weeks afterwards.

**Is survival improving?**

Slowly. Chemo-immunotherapy has become the first-line standard and targeted agents give meaningful responses in selected patients. The main barrier now is not the drugs but getting the right test in time.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'gi-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'asco-gi-2025'), NULL,
  'published', 'public', '', strftime('%s', '2025-01-25 18:03:27'), strftime('%s','now'), strftime('%s','now'));
-- 44: ASCO GI 2025 / gi-cancer / checkmate-8hw
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  44, 1, 'is-ipilimumab-worth-adding-checkmate-8hw-compares-dual-and-single-checkpoint-blockade',
  'Is ipilimumab worth adding? CheckMate 8HW compares dual and single checkpoint blockade',
  'At ASCO GI 2025, CheckMate 8HW reported that nivolumab plus ipilimumab improved progression-free survival over nivolumab alone in MSI-high metastatic colorectal cancer. Dr Céline Baptiste discusses who should receive the combination.',
  'The second primary endpoint of CheckMate 8HW was the one many clinicians had waited for: is the combination better than a PD-1 inhibitor alone? We met Dr Céline Baptiste again, ten months after our conversation in Paris.

## The comparison

**What was reported in San Francisco?**

Across all lines of therapy, nivolumab plus ipilimumab improved progression-free survival compared with nivolumab monotherapy in patients with centrally confirmed MSI-high or dMMR metastatic colorectal cancer. The curves separated early, which fits the idea that the combination reduces primary resistance.

**Does it settle the first-line choice?**

It makes the combination the preferred option for most fit patients in my view. The added toxicity was real but manageable, and the treatment period is limited.

## Who might still receive monotherapy

- Frail patients or those with significant autoimmune disease.
- Patients for whom the extra monitoring is impractical.
- Situations where the combination is not reimbursed.

**What remains unknown?**

Overall survival data are needed, and we do not know how the combination compares with pembrolizumab specifically, since the trial used nivolumab. We also need to learn when to stop. Several of my patients have been off treatment for a long time and remain in remission.

**How has practice changed in France since last spring?**

Central or double testing of MSI status has become routine in expert centres. That may be the most important lesson of the whole trial.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'gi-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'asco-gi-2025'), (SELECT id FROM trial WHERE site_id = 1 AND slug = 'checkmate-8hw'),
  'published', 'public', 'https://www.youtube.com/watch?v=fgGnqFzxEwU', strftime('%s', '2025-01-25 22:37:16'), strftime('%s','now'), strftime('%s','now'));
-- 45: ASCO GI 2025 / gi-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  45, 1, 'first-line-metastatic-pancreatic-cancer-choosing-between-regimens-after-napoli-3',
  'First-line metastatic pancreatic cancer: choosing between regimens after NAPOLI-3',
  'NALIRIFOX has joined FOLFIRINOX and gemcitabine with nab-paclitaxel as a first-line option for metastatic pancreatic cancer. Dr Matthias Oberhuber describes how he chooses among them.',
  'Metastatic pancreatic cancer remains one of the hardest diseases in oncology. In San Francisco, Dr Matthias Oberhuber presented data on how fitness assessment influences the choice of first-line regimen.

**What did NAPOLI-3 add?**

It showed that NALIRIFOX, a regimen with liposomal irinotecan, improved overall survival compared with gemcitabine plus nab-paclitaxel, with medians of about 11 versus 9 months. It is a modest but real gain.

**Does it replace FOLFIRINOX?**

There is no head-to-head comparison with FOLFIRINOX, which was the reference triplet for fit patients already. In my practice, the two triplets are used in similar patients, and the choice depends on availability, cost and toxicity preferences.

## How I choose

- Fit patients with good performance status: a triplet, with early dose modifications if needed.
- Older or frailer patients: gemcitabine with nab-paclitaxel, often at adjusted doses.
- Very frail patients: an honest discussion of best supportive care alongside gentle options.

**Is germline testing relevant?**

Yes, for all patients. A BRCA or PALB2 variant opens the possibility of platinum-based treatment and PARP inhibitor maintenance, and it matters for relatives.

**What about nutrition?**

Weight loss and pancreatic exocrine insufficiency are underestimated. Enzyme replacement and dietitian input improve quality of life and may help patients tolerate chemotherapy. These measures are cheap, effective and too often forgotten.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'gi-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'asco-gi-2025'), NULL,
  'published', 'public', '', strftime('%s', '2025-01-26 09:15:42'), strftime('%s','now'), strftime('%s','now'));
-- 46: ENETS 2025 / gi-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  46, 1, 'radioligand-therapy-in-the-first-line-what-netter-2-changes-for-advanced-gep-nets',
  'Radioligand therapy in the first line: what NETTER-2 changes for advanced GEP-NETs',
  'NETTER-2 showed that 177Lu-DOTATATE with octreotide improved progression-free survival as first-line treatment for higher-grade well-differentiated gastroenteropancreatic neuroendocrine tumours. Dr Pieter van Oosterwijk discusses implementation.',
  'Peptide receptor radionuclide therapy has long been a second-line option for somatostatin receptor-positive neuroendocrine tumours. NETTER-2 moved it forward. Dr Pieter van Oosterwijk discussed its implications at the ENETS conference.

**Who was included in NETTER-2?**

Patients with newly diagnosed, advanced, well-differentiated gastroenteropancreatic NETs of grade 2 or 3, with a Ki-67 index between 10% and 55%, and somatostatin receptor-positive disease. They received 177Lu-DOTATATE plus standard-dose octreotide or high-dose octreotide alone.

**How large was the benefit?**

Median progression-free survival was roughly 23 months with radioligand therapy versus about 8.5 months with high-dose octreotide. For a first-line study in this disease, that is a substantial gain.

## Implementation questions

- Access to radiopharmacy and shielded beds is uneven across Europe.
- Patient selection requires good-quality somatostatin receptor PET.
- Sequencing with chemotherapy and targeted agents in higher-grade tumours is not yet defined.

**Does dosimetry help?**

In our centre we use post-treatment imaging to estimate kidney and tumour doses. It is not standard everywhere, but it helps us decide whether additional cycles are safe, particularly in patients with borderline renal function.

**What about long-term toxicity?**

Myelodysplasia and leukaemia are rare late effects. Patients treated earlier in their disease will live longer after exposure, so long-term follow-up registries are essential.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'gi-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'enets-2025'), NULL,
  'published', 'public', 'https://www.youtube.com/watch?v=PXxyyNDGf4I', strftime('%s', '2025-03-13 18:49:25'), strftime('%s','now'), strftime('%s','now'));
-- 47: ENETS 2025 / lung-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  47, 1, 'lung-carcinoids-deserve-their-own-pathway-typical-atypical-and-everything-in-between',
  'Lung carcinoids deserve their own pathway: typical, atypical and everything in between',
  'Typical and atypical lung carcinoids are rare, slow-growing tumours often managed with tools borrowed from digestive NETs. Dr Antoine Delacroix argues for dedicated evidence and multidisciplinary care.',
  'Lung carcinoids sit between two worlds: thoracic oncology and the neuroendocrine tumour community. At ENETS, Dr Antoine Delacroix presented long-term data from a French cohort of resected atypical carcinoids.

**How are typical and atypical carcinoids distinguished?**

By mitotic count and necrosis. Typical carcinoids have very few mitoses and no necrosis; atypical ones have more mitoses or focal necrosis. The distinction requires a surgical specimen in most cases, because small biopsies underestimate both features.

**What did your cohort show?**

Recurrence after surgery for atypical carcinoid was not rare and could occur many years later, sometimes more than a decade after resection. Nodal involvement was the strongest predictor.

## Practical recommendations

- Anatomical resection with systematic lymph node dissection, not just wedge excision, for atypical tumours.
- Long follow-up, often beyond ten years, with CT and somatostatin receptor imaging as needed.
- Recognition of DIPNECH, a precursor condition with multiple small nodules, in women with chronic cough.

**What about advanced disease?**

Options include somatostatin analogues, everolimus, radioligand therapy and chemotherapy, but evidence specific to lung carcinoids is limited because trials have often grouped them with digestive tumours.

**What is missing from the evidence?**

Dedicated trials and registries. Lung carcinoids are rare, so international collaboration between thoracic and neuroendocrine groups is the only way to collect enough patients.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'lung-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'enets-2025'), NULL,
  'published', 'public', '', strftime('%s', '2025-03-13 21:07:40'), strftime('%s','now'), strftime('%s','now'));
-- 48: ENETS 2025 / gi-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  48, 1, 'grade-3-neuroendocrine-tumour-or-carcinoma-why-the-distinction-changes-everything',
  'Grade 3 neuroendocrine tumour or carcinoma? Why the distinction changes everything',
  'Well-differentiated grade 3 NETs and poorly differentiated neuroendocrine carcinomas share a high proliferation index but behave very differently. Dr Ingrid Solheim explains how to tell them apart and why it matters.',
  'A Ki-67 index above 20% places a digestive neuroendocrine neoplasm in the high-grade category, but that is only the start of the diagnosis. Dr Ingrid Solheim presented reference-centre data at ENETS.

**What separates a G3 NET from a NEC?**

Morphology first. Grade 3 NETs are well differentiated and look organised under the microscope; carcinomas are poorly differentiated, small-cell or large-cell. Molecular markers help in difficult cases: loss of RB1 or aberrant p53 suggests carcinoma, while DAXX or ATRX loss points towards a pancreatic NET.

**How often was the diagnosis revised in your series?**

In a noticeable minority of referred cases. The most common error was a well-differentiated tumour with a high Ki-67 labelled as a carcinoma, which would have led to platinum-etoposide chemotherapy instead of more suitable options.

## Treatment implications

- Neuroendocrine carcinomas: platinum-based chemotherapy, with rapid progression common and limited second-line options.
- Grade 3 NETs: somatostatin receptor imaging, and consideration of capecitabine-temozolomide, targeted agents or radioligand therapy when receptor-positive.
- Both: discussion in a specialised tumour board.

**What would help general pathologists?**

Easy access to second opinions and a short immunohistochemistry panel. The cost of a review is trivial compared with the cost of the wrong treatment.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'gi-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'enets-2025'), NULL,
  'published', 'public', '', strftime('%s', '2025-03-14 12:31:08'), strftime('%s','now'), strftime('%s','now'));
-- 49: ENETS 2025 / gi-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  49, 1, 'living-with-carcinoid-syndrome-symptom-control-beyond-somatostatin-analogues',
  'Living with carcinoid syndrome: symptom control beyond somatostatin analogues',
  'Diarrhoea, flushing and carcinoid heart disease still affect quality of life for many patients with neuroendocrine tumours. An ENETS session reviewed the options when somatostatin analogues are not enough.',
  'Carcinoid syndrome is caused mainly by serotonin and other substances released by metastatic small-intestinal neuroendocrine tumours. A session at ENETS focused on the patients whose symptoms persist despite first-line treatment.

## The first step remains the same

Long-acting somatostatin analogues control flushing and diarrhoea in most patients and also slow tumour growth. When symptoms break through, speakers recommended checking other causes before escalating: bile acid malabsorption after ileal resection, bacterial overgrowth and pancreatic enzyme insufficiency caused by the analogues themselves.

## Escalation options

- **Telotristat ethyl**, which reduces serotonin synthesis and improves carcinoid diarrhoea.
- **Radioligand therapy**, which Dr Pieter van Oosterwijk reported can improve symptoms in many patients, not only tumour control.
- **Liver-directed therapy** for patients with dominant hepatic disease.
- Short-acting octreotide rescue for breakthrough episodes.

## The heart

Dr Ingrid Solheim presented data supporting regular NT-proBNP testing to detect carcinoid heart disease, with echocardiography when levels rise. Tricuspid and pulmonary valve disease can progress silently, and valve replacement in specialised centres can be life-saving.

## Nutrition

Niacin deficiency is a forgotten complication, because tryptophan is diverted to serotonin production. Speakers urged clinicians to ask about skin changes and cognition and to consider supplementation.

The session ended with a reminder that these patients often live for many years, so symptom control is not a side issue but the core of their care.
',
  'report', (SELECT id FROM section WHERE site_id = 1 AND slug = 'gi-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'enets-2025'), NULL,
  'published', 'public', '', strftime('%s', '2025-03-15 10:12:46'), strftime('%s','now'), strftime('%s','now'));
-- 50: ELCC 2025 / lung-cancer / adaura
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  50, 1, 'three-years-on-adjuvant-osimertinib-what-patients-tell-us-about-long-treatment-after-surgery',
  'Three years on adjuvant osimertinib: what patients tell us about long treatment after surgery',
  'Adjuvant osimertinib means three years of daily tablets after a curative operation. Thoracic surgeon Dr Grace Ndlovu describes adherence, side effects and follow-up from the patient''s perspective.',
  'ADAURA made adjuvant osimertinib a standard after resection of EGFR-mutant NSCLC. At ELCC, Dr Grace Ndlovu presented a qualitative study of what those three years are like for patients.

**What did patients tell you?**

Many described a paradox. They had been told the operation was curative, and then they were asked to take a cancer drug every day for three years. Some felt reassured by it; others felt the treatment kept the disease at the centre of their lives.

**Were side effects a major issue?**

Mostly mild, but persistent: diarrhoea, dry skin, nail changes and fatigue. Because they lasted for years, even low-grade effects affected work and social life. Several patients had not told anyone about them because they seemed too minor to mention.

## What we changed

- A structured review of side effects at every visit, rather than relying on patients to raise them.
- Early referral to dermatology for nail and skin problems.
- A discussion of work and finances, since three years is a long time.
- Clear communication about follow-up imaging, including brain MRI.

**Do patients stop early?**

A minority wanted to, usually because of fatigue or skin problems. When we managed the side effects actively, most continued. Adherence was better when the surgeon and the oncologist gave the same message.

**What is your message to surgeons?**

Introduce adjuvant therapy before the operation. If patients know from the start that surgery is part of a longer plan, they accept it much better.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'lung-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'elcc-2025'), (SELECT id FROM trial WHERE site_id = 1 AND slug = 'adaura'),
  'published', 'public', '', strftime('%s', '2025-03-27 18:51:04'), strftime('%s','now'), strftime('%s','now'));
-- 51: ELCC 2025 / lung-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  51, 1, 'first-line-egfr-mutant-nsclc-after-mariposa-survival-data-intensify-for-whom',
  'First-line EGFR-mutant NSCLC after MARIPOSA survival data: intensify for whom?',
  'Amivantamab plus lazertinib and osimertinib plus chemotherapy both challenge osimertinib monotherapy in the first line. Dr Tobias Reinholt discusses how to choose among the three strategies.',
  'For several years, osimertinib alone was the simple answer for first-line EGFR-mutant NSCLC. Survival data from MARIPOSA, discussed in Paris, complicate that picture. Dr Tobias Reinholt explained how he approaches the choice.

**What are the three options?**

Osimertinib monotherapy; osimertinib with platinum-pemetrexed chemotherapy, supported by FLAURA2; and amivantamab with lazertinib, supported by MARIPOSA. Both combinations improved progression-free survival over osimertinib alone, and MARIPOSA has now reported an overall survival benefit.

**Then why not intensify for everyone?**

Because toxicity and treatment burden are substantial. Amivantamab causes infusion reactions, rash, paronychia and oedema, and carries a risk of venous thromboembolism that requires prophylactic anticoagulation during the first months. Chemotherapy adds fatigue and haematological toxicity.

## How I select patients

- High-risk features, such as brain metastases, liver metastases, co-mutations in TP53 or detectable ctDNA at baseline, favour a combination.
- Older or frail patients, or those who value simplicity, may prefer osimertinib alone.
- Patient preferences about intravenous treatment and visits weigh heavily.

**Will subcutaneous amivantamab change things?**

It should reduce infusion reactions and chair time considerably, which makes the regimen easier to deliver. The skin toxicity remains, so prophylactic skin care from day one is essential.

**What is the biggest open question?**

Whether intensifying upfront is better than sequencing treatments at progression. The survival data suggest it may be, but resistance after combinations is still poorly understood.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'lung-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'elcc-2025'), NULL,
  'published', 'public', 'https://www.youtube.com/watch?v=o393L1SZRew', strftime('%s', '2025-03-28 17:29:12'), strftime('%s','now'), strftime('%s','now'));
-- 52: ELCC 2025 / lung-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  52, 1, 'stereotactic-radiotherapy-for-oligoprogressive-nsclc-extending-the-benefit-of-systemic-therapy',
  'Stereotactic radiotherapy for oligoprogressive NSCLC: extending the benefit of systemic therapy',
  'When only a few lesions progress while the rest of the disease remains controlled, local radiotherapy may allow patients to continue effective systemic treatment. Dr Ravi Kapadia discusses the evidence and its limits.',
  'Patients on targeted therapy or immunotherapy sometimes progress in only one to a few sites while the rest of the disease stays controlled. Dr Ravi Kapadia presented Canadian data on treating those sites with stereotactic radiotherapy.

**What is oligoprogression?**

Progression in a limited number of lesions, usually up to five, while other disease remains stable or responding. It differs from oligometastatic disease at diagnosis, where the limited spread is present from the start.

**What did your data show?**

In patients on EGFR or ALK inhibitors, stereotactic treatment of progressing lesions allowed continuation of the same drug for a meaningful additional period before a change of systemic therapy was needed. Toxicity was low.

## Caveats

- Most evidence comes from retrospective series and small randomised studies.
- PET imaging should confirm that progression is genuinely limited before local treatment.
- In patients on immunotherapy, pseudoprogression and mixed responses complicate interpretation.

**How do you integrate it into practice?**

Every case of limited progression is discussed at the tumour board before switching therapy. If a patient is benefiting from a well-tolerated drug, preserving it for longer is valuable, especially when the next options are more toxic.

**What about brain lesions?**

Radiosurgery for a small number of brain metastases while continuing a CNS-active targeted drug is widely accepted. For larger volumes of intracranial disease, the decision depends on symptoms and the brain activity of the systemic therapy.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'lung-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'elcc-2025'), NULL,
  'published', 'public', '', strftime('%s', '2025-03-28 21:46:35'), strftime('%s','now'), strftime('%s','now'));
-- 53: ELCC 2025 / lung-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  53, 1, 'smoking-cessation-at-a-lung-cancer-diagnosis-a-treatment-not-an-afterthought',
  'Smoking cessation at a lung cancer diagnosis: a treatment, not an afterthought',
  'Quitting smoking after a lung cancer diagnosis is associated with better survival and fewer treatment complications. An ELCC session called for cessation support to be built into every oncology pathway.',
  'Many patients continue to smoke after a diagnosis of lung cancer, and many clinicians never raise the subject, assuming it is too late to matter. An ELCC session in Paris argued the opposite.

## Why it matters

Speakers reviewed observational data associating cessation after diagnosis with longer survival, fewer postoperative complications and better tolerance of radiotherapy. Continued smoking may also reduce the effectiveness of some drugs through metabolic interactions.

## An opt-out model

Dr Chiara Bellandi presented results from her clinic, where every smoker is automatically referred to a tobacco treatment specialist unless they decline. The model replaced a system that relied on oncologists to refer.

- Referral rates rose from a minority of smokers to almost all.
- A substantial share of those referred made a quit attempt.
- Patients rarely objected; many said they had expected to be asked.

"We would never wait for a patient to ask for an antiemetic. Tobacco treatment should be offered the same way," she told Plenary.

## What works

Combination nicotine replacement, varenicline and behavioural support are effective and safe in patients with cancer. Speakers stressed that stigma is a barrier: patients with lung cancer often feel blamed, and the conversation must be free of judgement.

## Beyond the patient

Family members who smoke were also offered support, which speakers considered an important part of a household-level approach. The session ended with a call for cessation to be included as a quality indicator for lung cancer services.
',
  'report', (SELECT id FROM section WHERE site_id = 1 AND slug = 'lung-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'elcc-2025'), NULL,
  'published', 'public', '', strftime('%s', '2025-03-29 15:03:26'), strftime('%s','now'), strftime('%s','now'));
-- 54: EADO 2025 / gu-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  54, 1, 'skin-reactions-to-enfortumab-vedotin-why-the-dermatologist-belongs-in-the-gu-team',
  'Skin reactions to enfortumab vedotin: why the dermatologist belongs in the GU team',
  'Rashes are among the most frequent adverse events of enfortumab vedotin. Dermatologist Dr Nikolaos Vrettos and oncologist Dr Jonathan Pereira explain how early collaboration keeps patients on treatment.',
  'At EADO, a joint session between dermatologists and oncologists looked at a new challenge: skin reactions to enfortumab vedotin, now used widely in advanced urothelial cancer. We spoke to two of the speakers.

**Dr Vrettos, what do the reactions look like?**

*Vrettos:* Most are maculopapular eruptions, often with itching, appearing in the first weeks. Some patients develop dry skin, hand–foot changes or hair loss. A small number develop severe reactions with blistering or mucosal involvement, which are emergencies.

**Why is the skin affected?**

*Vrettos:* The target, Nectin-4, is expressed in keratinocytes. The drug''s payload reaches the skin, and in combination with pembrolizumab, immune-mediated reactions may overlap.

**Dr Pereira, how has collaboration changed your practice?**

*Pereira:* We used to stop treatment for any significant rash. With rapid access to a dermatologist, many patients can continue after a short interruption with topical steroids and antihistamines. A biopsy in unclear cases helps separate drug toxicity from other causes.

## A shared protocol

- Skin examination before the first dose and at every early cycle.
- Emollients and sun protection from the start.
- Photographs sent through a secure channel for rapid dermatology opinion.
- Immediate stop and hospital assessment for blisters, mucosal lesions or skin pain.

*Vrettos:* Dermatology should not be the last resort. It should be part of the treatment plan from day one.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'gu-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'eado-2025'), NULL,
  'published', 'public', '', strftime('%s', '2025-04-24 19:21:53'), strftime('%s','now'), strftime('%s','now'));
-- 55: EADO 2025 / breast-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  55, 1, 'scalp-cooling-and-persistent-alopecia-a-dermato-oncology-view-for-breast-cancer-teams',
  'Scalp cooling and persistent alopecia: a dermato-oncology view for breast cancer teams',
  'Hair loss remains one of the most feared effects of breast cancer chemotherapy. Dermatologist Dr Sofia Lindqvist reviews prevention with scalp cooling and the management of hair that does not grow back.',
  'For many women, losing their hair is the moment the diagnosis becomes visible to everyone. At EADO, Dr Sofia Lindqvist presented a survey of persistent alopecia after chemotherapy and discussed what dermatologists can offer.

**How well does scalp cooling work?**

It works best with taxane-based regimens and less well with anthracyclines. Success also depends on technique: a well-fitted cap, wet hair and enough post-infusion cooling time. Units with trained nurses report far better results than those that simply have the machine.

**What is persistent alopecia?**

Hair that has not fully regrown six months or more after chemotherapy. In our survey it was reported by a notable minority of women treated with docetaxel-containing regimens, and many had never been told it was possible.

## What dermatologists can do

- Confirm the diagnosis and exclude thyroid, iron or hormonal contributions.
- Offer topical or low-dose oral minoxidil where appropriate, in agreement with the oncologist.
- Address endocrine therapy, which can cause thinning in its own right.
- Refer for camouflage and wig support without delay.

**Is there a message for oncologists?**

Mention the possibility of incomplete regrowth during consent, and refer early. Patients tolerate uncertainty better than surprises.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'breast-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'eado-2025'), NULL,
  'published', 'hcp', '', strftime('%s', '2025-04-25 11:39:07'), strftime('%s','now'), strftime('%s','now'));
-- 56: EADO 2025 / lung-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  56, 1, 'egfr-inhibitor-rash-and-paronychia-prevention-protocols-that-keep-patients-on-treatment',
  'EGFR-inhibitor rash and paronychia: prevention protocols that keep patients on treatment',
  'Skin toxicity from EGFR-targeted drugs, including the newer combinations with amivantamab, is common and distressing. Dermatologist Dr Nikolaos Vrettos describes a prevention-first approach.',
  'Acneiform rash, dry skin and painful nail-fold inflammation are among the most frequent reasons patients on EGFR-targeted therapy reduce or interrupt treatment. At EADO, Dr Nikolaos Vrettos presented a prophylactic skin care bundle used in Zurich.

## A growing problem

**Why has this become more pressing?**

EGFR-directed combinations, particularly those with amivantamab, produce more frequent and more severe skin toxicity than osimertinib alone. Lung cancer teams who had become used to mild rashes are now seeing problems they had not managed before.

**What does your bundle include?**

Started on the first day of treatment:

- an oral tetracycline antibiotic for the first weeks;
- a topical antibiotic or antiseptic for the scalp and face;
- thick emollients for the body, hands and feet;
- nail care instructions and avoidance of trauma to the nail folds;
- sun protection.

**Did it work?**

In our experience, the proportion of patients with severe rash fell, and fewer needed dose interruptions. Paronychia was more difficult to prevent and often needed topical steroids, antiseptic soaks and sometimes minor procedures.

**What should oncologists do before the first dose?**

Explain that skin changes are expected and manageable, and give patients a direct contact for problems. Many patients wait too long because they fear the treatment will be stopped.

**Is there a link between rash and efficacy?**

With older EGFR inhibitors, rash was associated with better outcomes. But preventing it does not reduce efficacy, and nobody should withhold prophylaxis in the hope of seeing a rash.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'lung-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'eado-2025'), NULL,
  'published', 'public', 'https://www.youtube.com/watch?v=0iRNOq6TFkg', strftime('%s', '2025-04-25 16:58:11'), strftime('%s','now'), strftime('%s','now'));
-- 57: ASCO 2025 / lung-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  57, 1, 'biomarker-turnaround-in-advanced-nsclc-why-every-day-before-treatment-matters',
  'Biomarker turnaround in advanced NSCLC: why every day before treatment matters',
  'Waiting for molecular results delays first-line therapy, yet starting immunotherapy before knowing the driver status can cause harm. Dr Li-Ting Haw describes how her institute cut turnaround times.',
  'In advanced non-squamous NSCLC, the treatment decision depends on a growing list of molecular alterations. In Chicago, Dr Li-Ting Haw presented the effect of introducing reflex testing at her institute.

**Why not start immunotherapy while waiting?**

Because patients with driver mutations such as EGFR or ALK gain little from immunotherapy, and those who receive a checkpoint inhibitor followed by some targeted drugs are at higher risk of severe toxicity, including pneumonitis and hepatitis. Starting treatment blind can cause harm.

**What is reflex testing?**

The pathologist sends the biopsy for next-generation sequencing as soon as non-squamous NSCLC is confirmed, without waiting for the oncologist''s request. In our study, this shortened the time from biopsy to results by well over a week.

## Other measures that helped

- Plasma sequencing in parallel with tissue for patients with high tumour burden.
- A molecular tumour board meeting twice weekly.
- Clear rules for the amount of tissue to collect at bronchoscopy.

**What about patients who are very symptomatic?**

For a patient who cannot wait, chemotherapy alone can be started while results are pending, and immunotherapy added once the driver status is known. That approach avoids the worst interactions.

**Is broad testing affordable?**

Comprehensive panels cost more than single-gene tests, but sequential testing uses more tissue and more time, and repeat biopsies are expensive. In many settings the broad panel is the more efficient choice.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'lung-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'asco-2025'), NULL,
  'published', 'public', '', strftime('%s', '2025-05-31 20:48:21'), strftime('%s','now'), strftime('%s','now'));
-- 58: ASCO 2025 / gu-cancer / ev-302
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  58, 1, 'after-enfortumab-vedotin-plus-pembrolizumab-what-comes-next-in-advanced-urothelial-cancer',
  'After enfortumab vedotin plus pembrolizumab: what comes next in advanced urothelial cancer?',
  'As more patients receive enfortumab vedotin plus pembrolizumab first, the second-line setting has changed completely. Dr Daniel Achterberg discusses options when the combination stops working.',
  'A year and a half after EV-302 changed first-line treatment, the new question in Chicago was what to give next. Dr Daniel Achterberg presented early data on platinum chemotherapy after the combination.

**What are the options after progression?**

Platinum-based chemotherapy is the main one, with cisplatin for eligible patients and carboplatin for the others. Erdafitinib is an option for patients with FGFR3 alterations. Other antibody–drug conjugates and clinical trials complete the picture.

**Does platinum still work after enfortumab vedotin?**

In our multicentre cohort, response rates to platinum remained meaningful, which is reassuring. The numbers are small and follow-up is short, but there was no sign of the cross-resistance some had feared.

## Practical issues

- Residual neuropathy from enfortumab vedotin can limit later options, especially drugs that also affect nerves.
- Renal function may have declined, making cisplatin impossible.
- FGFR3 testing should be done at diagnosis, not at progression, to avoid delays.

**Should patients stop the combination in remission?**

This is a growing question. Some patients have been in remission for more than two years. Many of us stop or reduce enfortumab vedotin because of neuropathy and continue pembrolizumab, but we have no prospective data on stopping both.

**What would help most?**

Trials designed specifically for the post-EV-pembrolizumab population, and biomarkers to choose between the available options.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'gu-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'asco-2025'), (SELECT id FROM trial WHERE site_id = 1 AND slug = 'ev-302'),
  'published', 'public', '', strftime('%s', '2025-06-01 15:12:24'), strftime('%s','now'), strftime('%s','now'));
-- 59: ASCO 2025 / breast-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  59, 1, 'switching-endocrine-therapy-on-an-esr1-signal-what-serena-6-means-for-ctdna-monitoring',
  'Switching endocrine therapy on an ESR1 signal: what SERENA-6 means for ctDNA monitoring',
  'The SERENA-6 trial tested a change of endocrine partner when an ESR1 mutation appears in blood, before radiological progression. Dr Henrik Valdsen considers the practical implications.',
  'The plenary session in Chicago included a trial that uses circulating tumour DNA not to detect relapse but to change treatment before progression is visible. Dr Henrik Valdsen, who runs a ctDNA service, gave us his perspective.

## The concept

**What did SERENA-6 do?**

Patients with hormone receptor-positive advanced breast cancer on an aromatase inhibitor plus a CDK4/6 inhibitor had regular blood tests. When an ESR1 mutation emerged without progression on scans, they were randomised to switch to the oral SERD camizestrant or continue the aromatase inhibitor, keeping the CDK4/6 inhibitor. Progression-free survival was longer with the switch.

**Is that a new paradigm?**

It is the first large trial to show that acting on a molecular signal before clinical progression can change an outcome. The next question is whether it translates into better overall survival and quality of life, not just longer time on the first line.

## What it takes to implement

- A blood draw every two to three months during first-line therapy.
- A validated assay with rapid turnaround.
- A workflow to inform patients and change prescriptions promptly.

**Can health systems afford it?**

In our feasibility study, the logistics were manageable within existing visits. The cost of the tests and the new drug is the bigger issue, and payers will want to see the survival data.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'breast-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'asco-2025'), NULL,
  'published', 'public', '', strftime('%s', '2025-06-01 23:26:40'), strftime('%s','now'), strftime('%s','now'));
-- 60: ASCO 2025 / gi-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  60, 1, 'perioperative-durvalumab-plus-flot-has-matterhorn-set-a-new-standard-in-gastric-cancer',
  'Perioperative durvalumab plus FLOT: has MATTERHORN set a new standard in gastric cancer?',
  'MATTERHORN reported an event-free survival benefit for adding durvalumab to perioperative FLOT in resectable gastric and gastro-oesophageal junction cancer. Dr Matthias Oberhuber weighs its significance.',
  'A year after discussing mixed signals in Munich, we caught up with Dr Matthias Oberhuber in Chicago, where the MATTERHORN trial reported event-free survival.

**What did the trial show?**

Adding durvalumab to perioperative FLOT, and continuing it after surgery, produced a statistically significant improvement in event-free survival in resectable gastric and gastro-oesophageal junction adenocarcinoma. The pathological response advantage reported earlier has therefore translated into the endpoint that matters.

**Is it practice-changing?**

For fit patients who can receive FLOT, I think it will be. The safety profile looked consistent with what we know about each component. Overall survival is the next data point everyone is waiting for.

## Practical issues

Our own data presented at the meeting remind us that FLOT is demanding:

- many patients do not complete all postoperative cycles;
- older or frail patients may need a modified backbone;
- nutrition and prehabilitation before surgery influence completion.

**Which patients might not need durvalumab?**

Probably some with very low PD-L1 expression, although the trial did not restrict by PD-L1 and subgroup analyses must be interpreted carefully. MSI-high tumours, conversely, deserve their own strategies, possibly without chemotherapy.

**A message for surgeons?**

The multidisciplinary decision must be taken before any treatment starts, so that the perioperative plan is agreed from day one.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'gi-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'asco-2025'), NULL,
  'published', 'public', 'https://www.youtube.com/watch?v=cjUWYBtmKiE', strftime('%s', '2025-06-02 07:48:52'), strftime('%s','now'), strftime('%s','now'));
-- 61: ASCO 2025 / lung-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  61, 1, 'immunotherapy-rechallenge-in-nsclc-when-is-a-second-attempt-reasonable',
  'Immunotherapy rechallenge in NSCLC: when is a second attempt reasonable?',
  'Many patients with NSCLC stop immunotherapy after two years or for toxicity, and some later progress. Dr Chiara Bellandi discusses when rechallenge makes sense and when it does not.',
  'Immunotherapy has created a new group of patients with advanced lung cancer: long-term responders who stop treatment and may relapse years later. Dr Chiara Bellandi presented an Italian analysis of rechallenge.

**Which patients did best on rechallenge?**

Those who stopped after completing a planned course, usually two years, and who relapsed long after stopping. They had the highest response rates on re-treatment. Patients who had progressed during immunotherapy, by contrast, rarely benefited from a second attempt with the same drug class.

**What about patients who stopped because of toxicity?**

It depends on the toxicity. After resolved skin or thyroid events, rechallenge is often safe. After severe pneumonitis, myocarditis or neurological toxicity, I generally do not rechallenge. In our series, recurrence of the same immune-related event occurred in a significant minority.

## Definitions matter

The field has agreed on definitions of primary and acquired resistance, which help:

- **Primary resistance**: no response or early progression on immunotherapy.
- **Acquired resistance**: progression after an initial response.
- **Progression after stopping**: relapse after a planned or toxicity-related discontinuation.

**And for patients with acquired resistance?**

Randomised trials of combinations after immunotherapy progression have mostly been disappointing. Chemotherapy, antibody–drug conjugates and clinical trials are the options. Local therapy for isolated progression should also be considered.

**What do you tell patients who ask about stopping?**

That stopping at two years is supported by data, that most relapses are manageable, and that we will watch closely.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'lung-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'asco-2025'), NULL,
  'published', 'public', '', strftime('%s', '2025-06-02 10:09:44'), strftime('%s','now'), strftime('%s','now'));
-- 62: ASCO 2025 / gu-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  62, 1, 'radioligand-therapy-moves-earlier-in-metastatic-prostate-cancer',
  'Radioligand therapy moves earlier in metastatic prostate cancer',
  'After VISION and PSMAfore, 177Lu-PSMA-617 is used before chemotherapy in some patients with metastatic castration-resistant prostate cancer. Dr Wen-Li Tsao discusses selection and logistics.',
  'Radioligand therapy targeting PSMA was first proven in heavily pretreated metastatic castration-resistant prostate cancer. PSMAfore then studied patients who had not yet received a taxane. Dr Wen-Li Tsao presented real-world data from Asian centres.

**What did PSMAfore show?**

In men whose disease had progressed on one androgen receptor pathway inhibitor and who had not received chemotherapy, 177Lu-PSMA-617 improved radiographic progression-free survival compared with switching to another such inhibitor. Overall survival was difficult to interpret because many patients in the control arm later crossed over.

**How do you select patients?**

PSMA PET must show strong uptake in all significant lesions. If there are lesions without uptake, which may represent a different tumour biology, I prefer other treatments or additional imaging with FDG PET.

## Logistics matter

- Radiopharmaceutical supply is still limited in several countries.
- Treatment requires nuclear medicine facilities and radiation protection arrangements.
- Dry mouth, fatigue and low blood counts need monitoring.

**Does moving earlier make sense?**

For patients who prefer to avoid or delay chemotherapy, it offers an effective option with good quality of life. But sequencing questions are unresolved: we do not know whether giving radioligand therapy first changes the efficacy of later docetaxel, or vice versa.

**What is your hope for the next years?**

Combination strategies and better biomarkers, so that we offer radioligand therapy to those most likely to benefit.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'gu-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'asco-2025'), NULL,
  'published', 'public', '', strftime('%s', '2025-06-02 13:58:19'), strftime('%s','now'), strftime('%s','now'));
-- 63: ASCO 2025 / breast-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  63, 1, 'access-to-breast-cancer-innovation-the-widening-gap-between-approval-and-availability',
  'Access to breast cancer innovation: the widening gap between approval and availability',
  'New breast cancer drugs reach patients in high-income countries years before others. Dr Sunita Raghavan and Dr Tunde Bamidele discuss financial toxicity and what can be done.',
  'While Chicago celebrated new agents, a session on global oncology asked a harder question: who will actually receive them? We brought together two oncologists who practise in very different settings.

**Dr Bamidele, what did your survey find?**

*Bamidele:* Even drugs on the WHO essential medicines list, such as trastuzumab and aromatase inhibitors, were not reliably available in many public hospitals. When they were, patients often paid out of pocket. Shortages interrupt treatment in ways that no trial would tolerate.

**Dr Raghavan, how does this look in India?**

*Raghavan:* Biosimilars have transformed HER2-positive care, and generic CDK4/6 inhibitors are starting to change things in the metastatic setting. But newer antibody–drug conjugates remain out of reach for most families. Financial toxicity is not a side effect we can manage with a prescription.

## Practical steps discussed

- Prioritise proven, affordable treatments before newer ones with marginal gains.
- Use dose and schedule optimisation studies to reduce cost without losing efficacy.
- Design trials that include patients from the regions where the drugs will be needed.

**Is there reason for optimism?**

*Bamidele:* Yes. Pooled procurement and price transparency are spreading. *Raghavan:* And oncologists are talking about cost openly, which ten years ago would not have happened at a plenary-level meeting.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'breast-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'asco-2025'), NULL,
  'published', 'public', 'https://www.youtube.com/watch?v=HV2tcejQCYs', strftime('%s', '2025-06-03 12:54:18'), strftime('%s','now'), strftime('%s','now'));
-- 64: ASCO 2025 / lung-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  64, 1, 'her2-mutant-nsclc-antibody-drug-conjugates-and-the-arrival-of-oral-her2-inhibitors',
  'HER2-mutant NSCLC: antibody–drug conjugates and the arrival of oral HER2 inhibitors',
  'HER2 mutations define a small subset of NSCLC with growing treatment options. Dr Tobias Reinholt reviews trastuzumab deruxtecan and emerging HER2-selective tyrosine kinase inhibitors.',
  'HER2 mutations occur in a small percentage of NSCLC, often in never-smokers and frequently as exon 20 insertions. Dr Tobias Reinholt presented German real-world data and reviewed the field.

**Mutation, amplification, overexpression: why does the distinction matter?**

Because they behave differently. Activating HER2 mutations are oncogenic drivers and predict response to HER2-directed drugs. Amplification and protein overexpression are less clearly actionable in lung cancer. Reports must specify which alteration was found.

**What is the role of trastuzumab deruxtecan?**

It is approved for previously treated HER2-mutant NSCLC, at the 5.4 mg/kg dose, which gave a similar response rate with less lung toxicity than the higher dose. In our real-world cohort, responses were consistent with trial data.

## Interstitial lung disease

The main concern is drug-induced interstitial lung disease, which is particularly delicate in lung cancer patients who may already have reduced lung function.

- Baseline CT and lung function tests help identify risk.
- Patients must report new cough or breathlessness immediately.
- Any suspected ILD requires holding treatment and urgent assessment.

**What about oral HER2 inhibitors?**

HER2-selective tyrosine kinase inhibitors that spare wild-type EGFR have shown high response rates in early trials, with less diarrhoea and rash than older pan-HER drugs. If confirmed, they could move to the first line.

**Will that replace chemo-immunotherapy first?**

Possibly, as happened with other drivers. Randomised first-line trials will decide.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'lung-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'asco-2025'), NULL,
  'published', 'members', '', strftime('%s', '2025-06-03 16:35:57'), strftime('%s','now'), strftime('%s','now'));
-- 65: ASCO 2025 / gu-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  65, 1, 'hif-2alpha-inhibition-in-renal-cell-carcinoma-where-belzutifan-fits-today',
  'HIF-2α inhibition in renal cell carcinoma: where belzutifan fits today',
  'Belzutifan has become an option for previously treated advanced renal cell carcinoma and for von Hippel-Lindau disease. Dr Beatriz Moncada reviews its place and its distinctive side effects.',
  'Loss of the VHL gene is the founding event of most clear-cell kidney cancers, and it leads to accumulation of the transcription factor HIF-2α. Belzutifan blocks that pathway directly. Dr Beatriz Moncada presented Spanish data on its use outside trials.

**Where is belzutifan used?**

In advanced clear-cell renal cell carcinoma after progression on immunotherapy and VEGF-targeted therapy, where the LITESPARK-005 trial showed better progression-free survival and response rate than everolimus. It is also used in patients with von Hippel-Lindau disease who have kidney tumours and other associated lesions.

**What are the characteristic side effects?**

Anaemia is very common and reflects the drug''s mechanism, since HIF-2α regulates erythropoietin. Hypoxia is less common but must be watched, especially in patients with lung disease. Fatigue also occurs frequently.

## Our practical recommendations

- Check haemoglobin and oxygen saturation before starting and regularly during treatment.
- Manage anaemia with dose adjustment and, when appropriate, erythropoiesis-stimulating agents or transfusion.
- Warn patients about interactions with hormonal contraception, which may be less effective.

**What is next for HIF-2α inhibitors?**

Trials are testing belzutifan in earlier lines and in combinations, including in the adjuvant setting. If they are positive, the drug will move from a late-line option to a much more central role in kidney cancer treatment.
',
  'interview', (SELECT id FROM section WHERE site_id = 1 AND slug = 'gu-cancer'), (SELECT id FROM congress WHERE site_id = 1 AND slug = 'asco-2025'), NULL,
  'published', 'public', '', strftime('%s', '2025-06-03 17:40:07'), strftime('%s','now'), strftime('%s','now'));
-- 66: EADV 2024 / melanoma-skin-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  66, 2, 'neoadjuvant-immunotherapy-in-resectable-stage-iii-melanoma-the-dermatologists-new-role',
  'Neoadjuvant immunotherapy in resectable stage III melanoma: the dermatologist''s new role',
  'Randomised data now favour giving immunotherapy before surgery for macroscopic stage III melanoma. Dr Isabel Carrasco explains what this means for dermatologists who diagnose and refer these patients.',
  'For years, a patient with palpable nodal melanoma went straight to lymph node dissection and then received adjuvant immunotherapy. Trials presented in 2024, in particular the phase 3 NADINA study, reversed that order. Dr Isabel Carrasco discussed the change in Amsterdam.

**Why give immunotherapy before surgery?**

With the tumour still in place, the immune system has more antigen to recognise, and the T-cell response appears broader. In NADINA, two cycles of ipilimumab plus nivolumab before surgery, with further treatment adapted to the pathological response, gave better event-free survival than surgery followed by adjuvant nivolumab.

**What is the dermatologist''s role?**

Often, we are the first to suspect nodal disease, during follow-up after a primary melanoma. Our job is now to make sure the patient reaches a melanoma multidisciplinary team before anyone books a dissection. A fine-needle aspiration or core biopsy, followed by referral, is the right sequence.

## What our network changed

- Direct referral from dermatology to the melanoma board within a week.
- Ultrasound-guided biopsy available in dermatology clinics.
- BRAF testing on the nodal sample from the start.

**Does the pathological response matter?**

Very much. Patients with a major pathological response after neoadjuvant treatment have an excellent prognosis and may need little further therapy. That tailoring is one of the most attractive aspects of the approach.

**Any concerns?**

Toxicity of combination immunotherapy and the risk of progression before surgery in a small minority. Both require experienced teams.
',
  'interview', (SELECT id FROM section WHERE site_id = 2 AND slug = 'melanoma-skin-cancer'), (SELECT id FROM congress WHERE site_id = 2 AND slug = 'eadv-2024'), NULL,
  'published', 'public', 'https://www.youtube.com/watch?v=Gt--VCIdIDQ', strftime('%s', '2024-09-26 18:34:27'), strftime('%s','now'), strftime('%s','now'));
-- 67: EADV 2024 / atopic-dermatitis-psoriasis
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  67, 2, 'treat-to-target-in-psoriasis-when-should-clear-be-the-goal',
  'Treat-to-target in psoriasis: when should "clear" be the goal?',
  'With highly effective biologics, complete or almost complete clearance of psoriasis is realistic for many patients. Dr Joost Hagendijk discusses absolute targets, patient priorities and when to switch.',
  'Psoriasis treatment goals used to be expressed as percentage improvements, such as PASI 75. Today''s biologics make much more ambitious targets achievable. Dr Joost Hagendijk presented registry data comparing approaches.

**Why prefer absolute targets?**

A relative response depends on where the patient started. A 75% improvement from a very high PASI can still leave a lot of visible disease. An absolute PASI of 2 or less is easier to interpret, and in our registry it correlated better with patient-reported quality of life.

**Is complete clearance always the aim?**

For most patients who want it, it is achievable with IL-17 or IL-23 inhibitors. But some patients are satisfied with almost clear skin and prefer not to switch a well-tolerated drug for a small gain. The target should be agreed with the patient.

## When to switch

- If the agreed target is not reached after the induction period.
- If the response fades over time.
- If a special site, such as scalp, nails or genitals, remains uncontrolled and important to the patient.

**What about comorbidities?**

Psoriatic arthritis, cardiovascular risk and depression must be part of the assessment. A drug choice that also treats joint disease can simplify care considerably.

**Where is the field heading?**

Towards early intervention and possibly disease modification. Trials are testing whether early treatment with IL-23 inhibitors can produce long drug-free remissions. That would change psoriasis from a lifelong treatment into something closer to a controllable episode.
',
  'interview', (SELECT id FROM section WHERE site_id = 2 AND slug = 'atopic-dermatitis-psoriasis'), (SELECT id FROM congress WHERE site_id = 2 AND slug = 'eadv-2024'), NULL,
  'published', 'public', '', strftime('%s', '2024-09-27 14:11:06'), strftime('%s','now'), strftime('%s','now'));
-- 68: EADV 2024 / atopic-dermatitis-psoriasis
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  68, 2, 'atopic-dermatitis-after-60-choosing-systemic-therapy-safely-in-older-adults',
  'Atopic dermatitis after 60: choosing systemic therapy safely in older adults',
  'Atopic dermatitis in older adults is more common than often assumed and brings specific safety considerations. Dr Anjali Deshmukh explains her approach to systemic treatment in this group.',
  'Atopic dermatitis is often thought of as a childhood disease, but a substantial number of older adults live with it, some with late onset. Dr Anjali Deshmukh spoke about treatment choices for this group at EADV.

**Is diagnosis different in older patients?**

The differential diagnosis is broader. Drug eruptions, contact dermatitis, scabies and cutaneous T-cell lymphoma can all mimic eczema. I have a low threshold for biopsy and patch testing in a first presentation after 60.

**How do you choose systemic therapy?**

Comorbidities drive the choice. Many older patients have cardiovascular disease, a history of cancer or reduced kidney function, and take several medications. Biologics targeting IL-4 and IL-13 signalling, such as dupilumab, or IL-13 alone, such as tralokinumab and lebrikizumab, have favourable safety profiles and few interactions.

## Caution with JAK inhibitors

European regulators have advised that oral JAK inhibitors should be used in patients over 65 only if no suitable alternative exists, because of cardiovascular, thromboembolic and malignancy risks seen with this drug class. I follow that advice carefully.

- Assess cardiovascular risk and cancer history before considering them.
- Use the lowest effective dose.
- Prefer a biologic in most older patients.

**What about older treatments?**

Ciclosporin is often problematic in older adults because of blood pressure and kidney effects. Methotrexate can be used with attention to kidney function. Phototherapy remains an option for patients able to attend.

**Your key message?**

Older patients deserve the same ambition as younger ones. Itch and sleep loss affect them just as much.
',
  'interview', (SELECT id FROM section WHERE site_id = 2 AND slug = 'atopic-dermatitis-psoriasis'), (SELECT id FROM congress WHERE site_id = 2 AND slug = 'eadv-2024'), NULL,
  'published', 'public', '', strftime('%s', '2024-09-28 11:52:39'), strftime('%s','now'), strftime('%s','now'));
-- 69: AAD 2025 / melanoma-skin-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  69, 2, 'advanced-basal-cell-carcinoma-hedgehog-inhibitors-immunotherapy-and-the-limits-of-surgery',
  'Advanced basal cell carcinoma: hedgehog inhibitors, immunotherapy and the limits of surgery',
  'Most basal cell carcinomas are cured by surgery, but locally advanced and metastatic cases need systemic options. Dr Matteo Ravanelli reviews hedgehog pathway inhibitors and second-line immunotherapy.',
  'Basal cell carcinoma is the most common cancer in people with fair skin, and surgery cures the overwhelming majority. Dr Matteo Ravanelli presented his experience with the small group of patients for whom surgery is not enough.

**What makes a BCC "advanced"?**

Locally advanced tumours are those where surgery would cause unacceptable disfigurement or loss of function, or where repeated operations have failed. Metastatic BCC is rare. Both should be discussed in a multidisciplinary board with surgeons, radiation oncologists and dermatologists.

**How effective are hedgehog inhibitors?**

Vismodegib and sonidegib produce responses in many patients with locally advanced disease. The problem is tolerability: muscle spasms, loss of taste, hair loss and weight loss lead many patients to stop.

## Keeping patients on treatment

- Discuss side effects openly before starting.
- Consider planned treatment breaks once a response is achieved, an approach some centres use.
- Offer nutritional support for taste changes.

**What happens after hedgehog inhibitors?**

Cemiplimab, a PD-1 inhibitor, is approved for patients whose disease progressed on or who could not tolerate a hedgehog inhibitor. Responses are less frequent than in squamous cell carcinoma, but some are durable.

**Is there a role for neoadjuvant treatment?**

Shrinking a tumour before surgery to allow a less mutilating operation is an attractive idea, particularly around the eyes and nose. Small studies are encouraging, but it should still be done within trials or expert centres.
',
  'interview', (SELECT id FROM section WHERE site_id = 2 AND slug = 'melanoma-skin-cancer'), (SELECT id FROM congress WHERE site_id = 2 AND slug = 'aad-2025'), NULL,
  'published', 'public', '', strftime('%s', '2025-03-08 19:27:14'), strftime('%s','now'), strftime('%s','now'));
-- 70: AAD 2025 / melanoma-skin-cancer
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  70, 2, 'skin-cancer-in-organ-transplant-recipients-surveillance-and-prevention-that-work',
  'Skin cancer in organ transplant recipients: surveillance and prevention that work',
  'Solid organ transplant recipients face a much higher risk of cutaneous squamous cell carcinoma. Dr Isabel Carrasco describes a dedicated clinic and the evidence for prevention strategies.',
  'Long-term immunosuppression after organ transplantation multiplies the risk of cutaneous squamous cell carcinoma many times over. Dr Isabel Carrasco runs a shared-care clinic with the transplant unit in Barcelona and presented five-year outcomes.

**Why are transplant recipients at such risk?**

Immunosuppression reduces immune surveillance of UV-damaged skin, and some drugs, such as azathioprine, add their own photosensitising effect. Tumours appear earlier, are more numerous and behave more aggressively than in the general population.

**How is your clinic organised?**

Every recipient has a baseline skin examination soon after transplantation, then follow-up at intervals based on risk: skin type, sun exposure history and previous skin cancers. Patients with multiple tumours are seen every few months.

## Prevention measures

- Daily sun protection and education from the first visit.
- Field treatment of actinic keratoses with topical therapies or photodynamic therapy.
- Discussion with the transplant team about switching to an mTOR inhibitor in patients with multiple squamous cell carcinomas.
- Acitretin for selected patients with many tumours.

**What about nicotinamide?**

It reduced new keratinocyte cancers in a high-risk general population, but a randomised trial in transplant recipients did not show a significant benefit. I no longer recommend it routinely in this group.

**What about advanced cases?**

Immunotherapy is difficult because of the risk of graft rejection, particularly in kidney transplant recipients. Such decisions require careful discussion between oncologists, transplant physicians and the patient.
',
  'interview', (SELECT id FROM section WHERE site_id = 2 AND slug = 'melanoma-skin-cancer'), (SELECT id FROM congress WHERE site_id = 2 AND slug = 'aad-2025'), NULL,
  'published', 'public', '', strftime('%s', '2025-03-09 16:45:31'), strftime('%s','now'), strftime('%s','now'));
-- 71: AAD 2025 / atopic-dermatitis-psoriasis
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  71, 2, 'generalised-pustular-psoriasis-from-flare-rescue-to-flare-prevention',
  'Generalised pustular psoriasis: from flare rescue to flare prevention',
  'Generalised pustular psoriasis is rare, unpredictable and potentially life-threatening. Dr Joost Hagendijk explains how IL-36 receptor blockade has changed both acute treatment and prevention.',
  'Generalised pustular psoriasis is a distinct disease from plaque psoriasis, driven largely by the IL-36 pathway. Flares can cause fever, widespread pustules and systemic illness. Dr Joost Hagendijk presented Dutch data in Orlando.

**How is GPP different from plaque psoriasis?**

It is characterised by sudden eruptions of sterile pustules on red, painful skin, often with fever and raised inflammatory markers. Some patients carry mutations in IL36RN, the gene encoding the natural inhibitor of IL-36 signalling. Flares can be triggered by infections, pregnancy or withdrawal of systemic steroids.

**How has treatment changed?**

Spesolimab, an antibody against the IL-36 receptor, clears pustules rapidly when given intravenously during a flare. A subsequent trial showed that subcutaneous spesolimab given regularly reduces the risk of new flares. For the first time, we can both treat and prevent.

## Practical points

- Avoid systemic steroids, which can trigger rebound flares.
- Screen for infection, including tuberculosis, before starting biologic therapy.
- Admit patients with systemic symptoms; severe flares can be dangerous.
- Agree a written plan for future flares with the patient.

**And in your own patients?**

Patients on preventive treatment had fewer hospital admissions for flares. Numbers are small, as GPP is rare, so international registries are essential.

**What is the biggest unmet need?**

Faster diagnosis. Many patients are initially treated for infection or drug reactions, and the correct diagnosis arrives late.
',
  'interview', (SELECT id FROM section WHERE site_id = 2 AND slug = 'atopic-dermatitis-psoriasis'), (SELECT id FROM congress WHERE site_id = 2 AND slug = 'aad-2025'), NULL,
  'published', 'public', '', strftime('%s', '2025-03-10 20:16:48'), strftime('%s','now'), strftime('%s','now'));
-- 72: ASH 2024 / myeloma
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  72, 3, 'quadruplet-induction-for-transplant-ineligible-myeloma-reading-imroz-and-cepheus',
  'Quadruplet induction for transplant-ineligible myeloma: reading IMROZ and CEPHEUS',
  'Two phase 3 trials added a CD38 antibody to bortezomib, lenalidomide and dexamethasone in patients not planned for transplant. Dr Hiroko Tanabe discusses who should receive four drugs.',
  'For patients with newly diagnosed myeloma who are not going to have a transplant, three-drug regimens have long been standard. IMROZ and CEPHEUS tested four. Dr Hiroko Tanabe discussed them in San Diego.

**What did the trials show?**

Both added a CD38 antibody, isatuximab in IMROZ and daratumumab in CEPHEUS, to bortezomib, lenalidomide and dexamethasone. Both improved outcomes: progression-free survival in IMROZ, and measurable residual disease negativity with longer progression-free survival in CEPHEUS. The depth of response with four drugs was impressive.

**Who were the patients?**

IMROZ included patients up to 80 years old who were not eligible for transplant. CEPHEUS included transplant-ineligible patients and those for whom transplant was deferred. Very frail patients were under-represented in both.

## Selecting patients

- Fit older patients: a quadruplet is a strong option.
- Frail patients: a lighter regimen, such as daratumumab with lenalidomide and dexamethasone, may be better tolerated.
- Patients with neuropathy: bortezomib dosing and schedule need adjusting.

**What did your study add?**

In our cohort, frailty scores predicted early discontinuation of quadruplet therapy. Using a simple frailty assessment before choosing the regimen could avoid exposing vulnerable patients to toxicity they cannot tolerate.

**What about infections?**

They are the main risk with CD38 antibodies combined with other agents. Vaccination, antiviral prophylaxis and attention to immunoglobulin levels are essential in this age group.
',
  'interview', (SELECT id FROM section WHERE site_id = 3 AND slug = 'myeloma'), (SELECT id FROM congress WHERE site_id = 3 AND slug = 'ash-2024'), NULL,
  'published', 'public', 'https://www.youtube.com/watch?v=cX-mEZNAMhU', strftime('%s', '2024-12-08 21:03:35'), strftime('%s','now'), strftime('%s','now'));
-- 73: ASH 2024 / lymphoma
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  73, 3, 'bispecific-antibodies-in-large-b-cell-lymphoma-moving-earlier-in-the-treatment-pathway',
  'Bispecific antibodies in large B-cell lymphoma: moving earlier in the treatment pathway',
  'CD20xCD3 bispecific antibodies have shown durable responses in relapsed large B-cell lymphoma and are now being tested in earlier lines. Dr Emeka Nwosu discusses where they fit alongside CAR-T therapy.',
  'Glofitamab and epcoritamab, bispecific antibodies that bring T cells into contact with CD20-positive lymphoma cells, have become options for relapsed or refractory large B-cell lymphoma. Dr Emeka Nwosu presented UK data on outpatient delivery.

**How do the two drugs differ?**

Glofitamab is given intravenously for a fixed duration, after a single dose of obinutuzumab to reduce cytokine release syndrome. Epcoritamab is given subcutaneously and continued until progression. Both use step-up dosing in the first cycle.

**How is cytokine release syndrome managed?**

It mostly occurs during the first doses and is usually low grade. With clear protocols, including tocilizumab availability and rapid access to the ward, many centres now give later doses in day units. In our experience, outpatient delivery after the initial doses was safe.

## Earlier lines

Trials combining bispecific antibodies with chemotherapy in second-line and first-line settings are underway. A trial of glofitamab with gemcitabine and oxaliplatin in transplant-ineligible relapsed patients reported an overall survival advantage over a rituximab-based regimen.

**Where do they sit relative to CAR-T?**

For fit patients relapsing early after first-line therapy, CAR-T remains the preferred second-line option. Bispecifics are often used after CAR-T, or for patients who cannot access or wait for cellular therapy.

**Are infections a concern here too?**

Prolonged B-cell depletion and hypogammaglobulinaemia increase infection risk. Prophylaxis and vaccination plans are as important here as in myeloma.
',
  'interview', (SELECT id FROM section WHERE site_id = 3 AND slug = 'lymphoma'), (SELECT id FROM congress WHERE site_id = 3 AND slug = 'ash-2024'), NULL,
  'published', 'public', '', strftime('%s', '2024-12-09 17:38:52'), strftime('%s','now'), strftime('%s','now'));
-- 74: ASH 2024 / myeloma
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  74, 3, 'mrd-guided-treatment-in-myeloma-stop-continue-or-escalate',
  'MRD-guided treatment in myeloma: stop, continue or escalate?',
  'Measurable residual disease is now a validated prognostic marker in myeloma and is being used to make treatment decisions in trials. Dr Carlos Iturbe explains the methods and where they stand in practice.',
  'With modern treatments, many patients with myeloma reach a complete response, and conventional tests can no longer detect their disease. Measurable residual disease testing looks deeper. Dr Carlos Iturbe presented Spanish data on patients with sustained MRD negativity.

**How is MRD measured?**

Either by next-generation flow cytometry or by next-generation sequencing of the clonal immunoglobulin sequence, both on bone marrow. A sensitivity of one in 100,000 cells is the minimum; one in a million is better. PET-CT complements marrow testing by detecting disease outside the bone marrow.

**What does MRD negativity mean for patients?**

Patients who achieve and maintain MRD negativity have markedly longer progression-free survival. The prognostic value is established across many trials, and in 2024 an advisory committee of the US Food and Drug Administration voted in favour of using it as an endpoint for accelerated approval.

## Using MRD to make decisions

This is where the evidence is still emerging. Trials are testing:

- stopping maintenance after sustained MRD negativity;
- intensifying treatment in patients who remain MRD-positive;
- using MRD to decide on transplant.

**What did your Spanish series add?**

Among patients who stopped maintenance after sustained negativity, many remained in remission for long periods, and those who relapsed usually did so gradually, with biochemical relapse first. This supports further trials of treatment-free intervals.

**Should MRD guide treatment in routine practice?**

Not yet, outside trials. But measuring it is valuable for prognosis and for counselling patients.
',
  'interview', (SELECT id FROM section WHERE site_id = 3 AND slug = 'myeloma'), (SELECT id FROM congress WHERE site_id = 3 AND slug = 'ash-2024'), NULL,
  'published', 'public', '', strftime('%s', '2024-12-10 12:24:19'), strftime('%s','now'), strftime('%s','now'));
-- 75: EHA 2025 / lymphoma
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  75, 3, 'nivolumab-avd-in-advanced-hodgkin-lymphoma-a-new-standard-for-young-adults',
  'Nivolumab-AVD in advanced Hodgkin lymphoma: a new standard for young adults?',
  'Replacing brentuximab vedotin with nivolumab in the AVD backbone improved progression-free survival with fewer side effects. Dr Oskar Lindahl compares the options now available for advanced-stage Hodgkin lymphoma.',
  'Advanced Hodgkin lymphoma is curable in most patients, so first-line choices are about balancing cure with long-term effects. Dr Oskar Lindahl discussed the evolving options in Milan.

**What did the nivolumab-AVD trial show?**

In the North American S1826 trial, nivolumab with doxorubicin, vinblastine and dacarbazine improved progression-free survival compared with brentuximab vedotin plus AVD in patients aged 12 and older with stage III–IV disease. It was also better tolerated, with less neuropathy.

**How does it compare with escalated regimens?**

In Europe, intensive regimens guided by interim PET, including newer versions with brentuximab vedotin, are used in many centres. They achieve very high cure rates, but with more acute toxicity and effects on fertility. No trial has compared nivolumab-AVD directly with these regimens.

## Factors in the choice

- Age and fitness: older patients tolerate intensive regimens poorly.
- Fertility wishes: our data show gonadal damage is more frequent with intensive alkylator-containing regimens.
- Access and national guidelines.

**What about radiotherapy?**

With modern regimens, radiotherapy is needed for fewer patients, which is important for young women at risk of breast cancer and for cardiac health.

**Which questions are still open?**

Long-term follow-up of immunotherapy in first-line treatment, including late immune effects in young people. Survivorship clinics and registries will be crucial. For now, I present both approaches to eligible patients and decide together with them.
',
  'interview', (SELECT id FROM section WHERE site_id = 3 AND slug = 'lymphoma'), (SELECT id FROM congress WHERE site_id = 3 AND slug = 'eha-2025'), NULL,
  'published', 'public', 'https://www.youtube.com/watch?v=I9LUHrTR2ps', strftime('%s', '2025-06-13 18:57:24'), strftime('%s','now'), strftime('%s','now'));
-- 76: EHA 2025 / lymphoma
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  76, 3, 'car-t-logistics-in-large-b-cell-lymphoma-reducing-the-time-from-referral-to-infusion',
  'CAR-T logistics in large B-cell lymphoma: reducing the time from referral to infusion',
  'Delays between referral and CAR-T infusion can cost patients the chance to receive treatment. Dr Emeka Nwosu describes the steps his centre took to shorten each stage of the pathway.',
  'CAR-T cell therapy has improved outcomes for patients with relapsed large B-cell lymphoma, including in the second line. But it only helps patients who actually receive the cells. Dr Emeka Nwosu presented data on delays in his network.

**Where are the delays?**

At every step: referral from the treating hospital, eligibility assessment, funding approval, apheresis scheduling, manufacturing and bed availability. In our analysis, the longest delays happened before apheresis, not during manufacturing.

**Why does it matter so much?**

Patients with aggressive lymphoma can deteriorate quickly. Some who are fit at referral are no longer fit at infusion, and some never reach it at all.

## What we changed

- A single referral form and a weekly virtual clinic for referring hospitals.
- Apheresis slots reserved each week.
- A bridging therapy plan agreed at the first visit.
- A CAR-T coordinator who tracks each patient through the pathway.

**What is the role of bridging therapy?**

It controls the disease while the cells are manufactured. Options include chemotherapy, radiotherapy and targeted agents. The aim is to keep the patient fit and reduce tumour burden without causing infections or damaging the T cells needed for the product.

**Did the changes work?**

Median time from referral to infusion fell by several weeks, and fewer patients dropped out. The improvements came from organisation, not new technology.

**What about access outside large centres?**

That remains the biggest inequality. Networks that bring assessment closer to patients are part of the answer.
',
  'interview', (SELECT id FROM section WHERE site_id = 3 AND slug = 'lymphoma'), (SELECT id FROM congress WHERE site_id = 3 AND slug = 'eha-2025'), NULL,
  'published', 'public', '', strftime('%s', '2025-06-14 15:26:03'), strftime('%s','now'), strftime('%s','now'));
-- 77: EHA 2025 / myeloma
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id, status, audience, video_url, published_at, created_at, updated_at) VALUES (
  77, 3, 'infections-during-bcma-directed-bispecific-therapy-a-prevention-checklist',
  'Infections during BCMA-directed bispecific therapy: a prevention checklist',
  'Bispecific antibodies targeting BCMA are effective in relapsed myeloma, but infections are a leading cause of harm. Dr Hiroko Tanabe and Dr Carlos Iturbe set out a practical prevention approach.',
  'BCMA-directed bispecific antibodies, such as teclistamab and elranatamab, produce deep responses in relapsed myeloma. They also cause profound and lasting immune suppression. In Milan, two haematologists discussed how to keep patients safe.

**Why are infections so frequent?**

*Tanabe:* BCMA is expressed on normal plasma cells, so these drugs deplete the cells that make antibodies. Most patients develop severe hypogammaglobulinaemia. Add continuous treatment and prior therapies, and the infection risk is high and persistent.

**What did your study find about immunoglobulin replacement?**

*Tanabe:* Patients who received regular immunoglobulin replacement had fewer serious infections than those who did not. It is not a randomised comparison, but it supports the practice many centres already follow.

## The checklist

*Iturbe:* We use a simple checklist at the start and throughout treatment:

- immunoglobulin levels monitored, with replacement for low IgG or recurrent infections;
- prophylaxis against Pneumocystis pneumonia;
- antiviral prophylaxis against herpes zoster;
- CMV monitoring in symptomatic patients;
- vaccinations updated before starting where possible;
- clear instructions for patients to report fever immediately.

**Can dosing intervals help?**

*Iturbe:* Spacing the doses once a response is achieved, as allowed in several protocols, appears to reduce infections without loss of efficacy. That should be part of the plan from the start.

*Tanabe:* Infection prevention is not an add-on to this therapy. It is part of it.
',
  'interview', (SELECT id FROM section WHERE site_id = 3 AND slug = 'myeloma'), (SELECT id FROM congress WHERE site_id = 3 AND slug = 'eha-2025'), NULL,
  'published', 'public', '', strftime('%s', '2025-06-15 10:41:57'), strftime('%s','now'), strftime('%s','now'));

-- Article people: the interviewer or author first, then the speakers
INSERT INTO article_person (article_id, person_id, role, position) VALUES
  (1, (SELECT id FROM person WHERE slug = 'clara-whitfield'), 'interviewer', 0),
  (1, (SELECT id FROM person WHERE slug = 'elodie-marchetti'), 'speaker', 1),
  (2, (SELECT id FROM person WHERE slug = 'tomas-echevarria'), 'interviewer', 0),
  (2, (SELECT id FROM person WHERE slug = 'sunita-raghavan'), 'speaker', 1),
  (3, (SELECT id FROM person WHERE slug = 'naomi-adeyemi'), 'interviewer', 0),
  (3, (SELECT id FROM person WHERE slug = 'henrik-valdsen'), 'speaker', 1),
  (4, (SELECT id FROM person WHERE slug = 'clara-whitfield'), 'interviewer', 0),
  (4, (SELECT id FROM person WHERE slug = 'aoife-dunleavy'), 'speaker', 1),
  (5, (SELECT id FROM person WHERE slug = 'clara-whitfield'), 'interviewer', 0),
  (5, (SELECT id FROM person WHERE slug = 'daniel-achterberg'), 'speaker', 1),
  (6, (SELECT id FROM person WHERE slug = 'tomas-echevarria'), 'interviewer', 0),
  (6, (SELECT id FROM person WHERE slug = 'wen-li-tsao'), 'speaker', 1),
  (7, (SELECT id FROM person WHERE slug = 'naomi-adeyemi'), 'interviewer', 0),
  (7, (SELECT id FROM person WHERE slug = 'beatriz-moncada'), 'speaker', 1),
  (8, (SELECT id FROM person WHERE slug = 'lukas-brenner'), 'interviewer', 0),
  (8, (SELECT id FROM person WHERE slug = 'samuel-okafor'), 'speaker', 1),
  (9, (SELECT id FROM person WHERE slug = 'naomi-adeyemi'), 'interviewer', 0),
  (9, (SELECT id FROM person WHERE slug = 'fiona-mcalister'), 'speaker', 1),
  (10, (SELECT id FROM person WHERE slug = 'tomas-echevarria'), 'interviewer', 0),
  (10, (SELECT id FROM person WHERE slug = 'katarzyna-wolska'), 'speaker', 1),
  (11, (SELECT id FROM person WHERE slug = 'lukas-brenner'), 'interviewer', 0),
  (11, (SELECT id FROM person WHERE slug = 'helena-strand'), 'speaker', 1),
  (12, (SELECT id FROM person WHERE slug = 'tomas-echevarria'), 'interviewer', 0),
  (12, (SELECT id FROM person WHERE slug = 'celine-baptiste'), 'speaker', 1),
  (13, (SELECT id FROM person WHERE slug = 'clara-whitfield'), 'interviewer', 0),
  (13, (SELECT id FROM person WHERE slug = 'amelie-fournier'), 'speaker', 1),
  (14, (SELECT id FROM person WHERE slug = 'tomas-echevarria'), 'interviewer', 0),
  (14, (SELECT id FROM person WHERE slug = 'yasmin-haddad'), 'speaker', 1),
  (15, (SELECT id FROM person WHERE slug = 'lukas-brenner'), 'interviewer', 0),
  (15, (SELECT id FROM person WHERE slug = 'helena-strand'), 'speaker', 1),
  (16, (SELECT id FROM person WHERE slug = 'tomas-echevarria'), 'interviewer', 0),
  (16, (SELECT id FROM person WHERE slug = 'jonathan-pereira'), 'speaker', 1),
  (17, (SELECT id FROM person WHERE slug = 'clara-whitfield'), 'interviewer', 0),
  (17, (SELECT id FROM person WHERE slug = 'marisol-quintero'), 'speaker', 1),
  (18, (SELECT id FROM person WHERE slug = 'clara-whitfield'), 'interviewer', 0),
  (18, (SELECT id FROM person WHERE slug = 'ravi-kapadia'), 'speaker', 1),
  (18, (SELECT id FROM person WHERE slug = 'li-ting-haw'), 'speaker', 2),
  (19, (SELECT id FROM person WHERE slug = 'tomas-echevarria'), 'interviewer', 0),
  (19, (SELECT id FROM person WHERE slug = 'rachel-okonkwo'), 'speaker', 1),
  (20, (SELECT id FROM person WHERE slug = 'tomas-echevarria'), 'interviewer', 0),
  (20, (SELECT id FROM person WHERE slug = 'tobias-reinholt'), 'speaker', 1),
  (21, (SELECT id FROM person WHERE slug = 'tomas-echevarria'), 'interviewer', 0),
  (21, (SELECT id FROM person WHERE slug = 'lorenzo-ferraguti'), 'speaker', 1),
  (22, (SELECT id FROM person WHERE slug = 'naomi-adeyemi'), 'interviewer', 0),
  (22, (SELECT id FROM person WHERE slug = 'grace-ndlovu'), 'speaker', 1),
  (23, (SELECT id FROM person WHERE slug = 'clara-whitfield'), 'interviewer', 0),
  (23, (SELECT id FROM person WHERE slug = 'fiona-mcalister'), 'speaker', 1),
  (24, (SELECT id FROM person WHERE slug = 'naomi-adeyemi'), 'interviewer', 0),
  (24, (SELECT id FROM person WHERE slug = 'lorenzo-ferraguti'), 'speaker', 1),
  (25, (SELECT id FROM person WHERE slug = 'lukas-brenner'), 'interviewer', 0),
  (25, (SELECT id FROM person WHERE slug = 'matthias-oberhuber'), 'speaker', 1),
  (26, (SELECT id FROM person WHERE slug = 'clara-whitfield'), 'interviewer', 0),
  (26, (SELECT id FROM person WHERE slug = 'kenji-moriyama'), 'speaker', 1),
  (27, (SELECT id FROM person WHERE slug = 'lukas-brenner'), 'author', 0),
  (27, (SELECT id FROM person WHERE slug = 'celine-baptiste'), 'speaker', 1),
  (28, (SELECT id FROM person WHERE slug = 'naomi-adeyemi'), 'interviewer', 0),
  (28, (SELECT id FROM person WHERE slug = 'jonathan-pereira'), 'speaker', 1),
  (29, (SELECT id FROM person WHERE slug = 'clara-whitfield'), 'interviewer', 0),
  (29, (SELECT id FROM person WHERE slug = 'antoine-delacroix'), 'speaker', 1),
  (30, (SELECT id FROM person WHERE slug = 'tomas-echevarria'), 'interviewer', 0),
  (30, (SELECT id FROM person WHERE slug = 'rachel-okonkwo'), 'speaker', 1),
  (31, (SELECT id FROM person WHERE slug = 'clara-whitfield'), 'author', 0),
  (31, (SELECT id FROM person WHERE slug = 'daniel-achterberg'), 'speaker', 1),
  (32, (SELECT id FROM person WHERE slug = 'naomi-adeyemi'), 'author', 0),
  (32, (SELECT id FROM person WHERE slug = 'elodie-marchetti'), 'speaker', 1),
  (33, (SELECT id FROM person WHERE slug = 'lukas-brenner'), 'interviewer', 0),
  (33, (SELECT id FROM person WHERE slug = 'li-ting-haw'), 'speaker', 1),
  (34, (SELECT id FROM person WHERE slug = 'naomi-adeyemi'), 'interviewer', 0),
  (34, (SELECT id FROM person WHERE slug = 'kenji-moriyama'), 'speaker', 1),
  (35, (SELECT id FROM person WHERE slug = 'lukas-brenner'), 'interviewer', 0),
  (35, (SELECT id FROM person WHERE slug = 'samuel-okafor'), 'speaker', 1),
  (36, (SELECT id FROM person WHERE slug = 'tomas-echevarria'), 'author', 0),
  (36, (SELECT id FROM person WHERE slug = 'chiara-bellandi'), 'speaker', 1),
  (37, (SELECT id FROM person WHERE slug = 'clara-whitfield'), 'interviewer', 0),
  (37, (SELECT id FROM person WHERE slug = 'henrik-valdsen'), 'speaker', 1),
  (38, (SELECT id FROM person WHERE slug = 'naomi-adeyemi'), 'interviewer', 0),
  (38, (SELECT id FROM person WHERE slug = 'aoife-dunleavy'), 'speaker', 1),
  (39, (SELECT id FROM person WHERE slug = 'naomi-adeyemi'), 'interviewer', 0),
  (39, (SELECT id FROM person WHERE slug = 'rachel-okonkwo'), 'speaker', 1),
  (40, (SELECT id FROM person WHERE slug = 'tomas-echevarria'), 'interviewer', 0),
  (40, (SELECT id FROM person WHERE slug = 'sunita-raghavan'), 'speaker', 1),
  (41, (SELECT id FROM person WHERE slug = 'clara-whitfield'), 'interviewer', 0),
  (41, (SELECT id FROM person WHERE slug = 'noa-benhamou'), 'speaker', 1),
  (42, (SELECT id FROM person WHERE slug = 'naomi-adeyemi'), 'author', 0),
  (42, (SELECT id FROM person WHERE slug = 'lorenzo-ferraguti'), 'speaker', 1),
  (43, (SELECT id FROM person WHERE slug = 'naomi-adeyemi'), 'interviewer', 0),
  (43, (SELECT id FROM person WHERE slug = 'yasmin-haddad'), 'speaker', 1),
  (44, (SELECT id FROM person WHERE slug = 'tomas-echevarria'), 'interviewer', 0),
  (44, (SELECT id FROM person WHERE slug = 'celine-baptiste'), 'speaker', 1),
  (45, (SELECT id FROM person WHERE slug = 'clara-whitfield'), 'interviewer', 0),
  (45, (SELECT id FROM person WHERE slug = 'matthias-oberhuber'), 'speaker', 1),
  (46, (SELECT id FROM person WHERE slug = 'lukas-brenner'), 'interviewer', 0),
  (46, (SELECT id FROM person WHERE slug = 'pieter-van-oosterwijk'), 'speaker', 1),
  (47, (SELECT id FROM person WHERE slug = 'tomas-echevarria'), 'interviewer', 0),
  (47, (SELECT id FROM person WHERE slug = 'antoine-delacroix'), 'speaker', 1),
  (48, (SELECT id FROM person WHERE slug = 'tomas-echevarria'), 'interviewer', 0),
  (48, (SELECT id FROM person WHERE slug = 'ingrid-solheim'), 'speaker', 1),
  (49, (SELECT id FROM person WHERE slug = 'lukas-brenner'), 'author', 0),
  (49, (SELECT id FROM person WHERE slug = 'ingrid-solheim'), 'speaker', 1),
  (49, (SELECT id FROM person WHERE slug = 'pieter-van-oosterwijk'), 'speaker', 2),
  (50, (SELECT id FROM person WHERE slug = 'clara-whitfield'), 'interviewer', 0),
  (50, (SELECT id FROM person WHERE slug = 'grace-ndlovu'), 'speaker', 1),
  (51, (SELECT id FROM person WHERE slug = 'naomi-adeyemi'), 'interviewer', 0),
  (51, (SELECT id FROM person WHERE slug = 'tobias-reinholt'), 'speaker', 1),
  (52, (SELECT id FROM person WHERE slug = 'lukas-brenner'), 'interviewer', 0),
  (52, (SELECT id FROM person WHERE slug = 'ravi-kapadia'), 'speaker', 1),
  (53, (SELECT id FROM person WHERE slug = 'clara-whitfield'), 'author', 0),
  (53, (SELECT id FROM person WHERE slug = 'chiara-bellandi'), 'speaker', 1),
  (54, (SELECT id FROM person WHERE slug = 'lukas-brenner'), 'interviewer', 0),
  (54, (SELECT id FROM person WHERE slug = 'nikolaos-vrettos'), 'speaker', 1),
  (54, (SELECT id FROM person WHERE slug = 'jonathan-pereira'), 'speaker', 2),
  (55, (SELECT id FROM person WHERE slug = 'lukas-brenner'), 'interviewer', 0),
  (55, (SELECT id FROM person WHERE slug = 'sofia-lindqvist'), 'speaker', 1),
  (56, (SELECT id FROM person WHERE slug = 'tomas-echevarria'), 'interviewer', 0),
  (56, (SELECT id FROM person WHERE slug = 'nikolaos-vrettos'), 'speaker', 1),
  (57, (SELECT id FROM person WHERE slug = 'naomi-adeyemi'), 'interviewer', 0),
  (57, (SELECT id FROM person WHERE slug = 'li-ting-haw'), 'speaker', 1),
  (58, (SELECT id FROM person WHERE slug = 'clara-whitfield'), 'interviewer', 0),
  (58, (SELECT id FROM person WHERE slug = 'daniel-achterberg'), 'speaker', 1),
  (59, (SELECT id FROM person WHERE slug = 'naomi-adeyemi'), 'interviewer', 0),
  (59, (SELECT id FROM person WHERE slug = 'henrik-valdsen'), 'speaker', 1),
  (60, (SELECT id FROM person WHERE slug = 'lukas-brenner'), 'interviewer', 0),
  (60, (SELECT id FROM person WHERE slug = 'matthias-oberhuber'), 'speaker', 1),
  (61, (SELECT id FROM person WHERE slug = 'clara-whitfield'), 'interviewer', 0),
  (61, (SELECT id FROM person WHERE slug = 'chiara-bellandi'), 'speaker', 1),
  (62, (SELECT id FROM person WHERE slug = 'naomi-adeyemi'), 'interviewer', 0),
  (62, (SELECT id FROM person WHERE slug = 'wen-li-tsao'), 'speaker', 1),
  (63, (SELECT id FROM person WHERE slug = 'clara-whitfield'), 'interviewer', 0),
  (63, (SELECT id FROM person WHERE slug = 'sunita-raghavan'), 'speaker', 1),
  (63, (SELECT id FROM person WHERE slug = 'tunde-bamidele'), 'speaker', 2),
  (64, (SELECT id FROM person WHERE slug = 'lukas-brenner'), 'interviewer', 0),
  (64, (SELECT id FROM person WHERE slug = 'tobias-reinholt'), 'speaker', 1),
  (65, (SELECT id FROM person WHERE slug = 'tomas-echevarria'), 'interviewer', 0),
  (65, (SELECT id FROM person WHERE slug = 'beatriz-moncada'), 'speaker', 1),
  (66, (SELECT id FROM person WHERE slug = 'lukas-brenner'), 'interviewer', 0),
  (66, (SELECT id FROM person WHERE slug = 'isabel-carrasco'), 'speaker', 1),
  (67, (SELECT id FROM person WHERE slug = 'clara-whitfield'), 'interviewer', 0),
  (67, (SELECT id FROM person WHERE slug = 'joost-hagendijk'), 'speaker', 1),
  (68, (SELECT id FROM person WHERE slug = 'naomi-adeyemi'), 'interviewer', 0),
  (68, (SELECT id FROM person WHERE slug = 'anjali-deshmukh'), 'speaker', 1),
  (69, (SELECT id FROM person WHERE slug = 'tomas-echevarria'), 'interviewer', 0),
  (69, (SELECT id FROM person WHERE slug = 'matteo-ravanelli'), 'speaker', 1),
  (70, (SELECT id FROM person WHERE slug = 'clara-whitfield'), 'interviewer', 0),
  (70, (SELECT id FROM person WHERE slug = 'isabel-carrasco'), 'speaker', 1),
  (71, (SELECT id FROM person WHERE slug = 'lukas-brenner'), 'interviewer', 0),
  (71, (SELECT id FROM person WHERE slug = 'joost-hagendijk'), 'speaker', 1),
  (72, (SELECT id FROM person WHERE slug = 'lukas-brenner'), 'interviewer', 0),
  (72, (SELECT id FROM person WHERE slug = 'hiroko-tanabe'), 'speaker', 1),
  (73, (SELECT id FROM person WHERE slug = 'naomi-adeyemi'), 'interviewer', 0),
  (73, (SELECT id FROM person WHERE slug = 'emeka-nwosu'), 'speaker', 1),
  (74, (SELECT id FROM person WHERE slug = 'tomas-echevarria'), 'interviewer', 0),
  (74, (SELECT id FROM person WHERE slug = 'carlos-iturbe'), 'speaker', 1),
  (75, (SELECT id FROM person WHERE slug = 'clara-whitfield'), 'interviewer', 0),
  (75, (SELECT id FROM person WHERE slug = 'oskar-lindahl'), 'speaker', 1),
  (76, (SELECT id FROM person WHERE slug = 'tomas-echevarria'), 'interviewer', 0),
  (76, (SELECT id FROM person WHERE slug = 'emeka-nwosu'), 'speaker', 1),
  (77, (SELECT id FROM person WHERE slug = 'naomi-adeyemi'), 'interviewer', 0),
  (77, (SELECT id FROM person WHERE slug = 'hiroko-tanabe'), 'speaker', 1),
  (77, (SELECT id FROM person WHERE slug = 'carlos-iturbe'), 'speaker', 2);

-- References
INSERT INTO reference (article_id, position, citation, abstract_no, url) VALUES
  (1, 0, 'Ignatiadis M, et al. ALEXANDRA/IMpassion030: atezolizumab plus adjuvant chemotherapy in stage II–III triple-negative breast cancer. SABCS 2023. Abstract GS01-02.', 'GS01-02', 'https://www.sabcs.org'),
  (1, 1, 'ALEXANDRA/IMpassion030 (NCT03498716). ClinicalTrials.gov.', '', 'https://clinicaltrials.gov/study/NCT03498716'),
  (1, 2, 'Schmid P, et al. Pembrolizumab for early triple-negative breast cancer. N Engl J Med. 2020.', '', 'https://doi.org/10.1056/NEJMoa1910549'),
  (2, 0, 'Raghavan S, et al. Patient-reported menopausal symptoms during ovarian function suppression in a South Asian cohort. SABCS 2023. Poster PO2-07-11.', 'PO2-07-11', 'https://www.sabcs.org'),
  (2, 1, 'Raghavan S, Valdsen H. Risk-adapted endocrine therapy in young women: a practical review. Breast Cancer Res Treat. 2023.', '', ''),
  (3, 0, 'Valdsen H, et al. Serial tumour-informed ctDNA monitoring after curative treatment of early breast cancer: a Danish cohort. SABCS 2023. Abstract PS05-03.', 'PS05-03', 'https://www.sabcs.org'),
  (3, 1, 'Valdsen H, et al. Lead time of molecular relapse over clinical relapse in early breast cancer. Clin Cancer Res. 2023.', '', ''),
  (4, 0, 'Dunleavy A, et al. False-negative rates of targeted axillary dissection in an Irish multicentre series. SABCS 2023. Poster PO4-02-08.', 'PO4-02-08', 'https://www.sabcs.org'),
  (5, 0, 'Powles T, et al. Enfortumab vedotin and pembrolizumab in untreated advanced urothelial cancer. N Engl J Med. 2024.', '', 'https://doi.org/10.1056/NEJMoa2312117'),
  (5, 1, 'Powles T, et al. EV-302/KEYNOTE-A39. ESMO 2023. Abstract LBA6.', 'LBA6', 'https://www.esmo.org'),
  (5, 2, 'EV-302 (NCT04223856). ClinicalTrials.gov.', '', 'https://clinicaltrials.gov/study/NCT04223856'),
  (6, 0, 'Tsao WL, et al. Management changes after PSMA PET in biochemically recurrent prostate cancer: a Taiwanese registry. ASCO GU 2024. Abstract 302.', '302', 'https://meetings.asco.org'),
  (6, 1, 'Tsao WL. PSMA imaging in prostate cancer: a practical review. Eur J Nucl Med Mol Imaging. 2023.', '', ''),
  (7, 0, 'Choueiri TK, et al. Overall survival with adjuvant pembrolizumab in renal-cell carcinoma. N Engl J Med. 2024.', '', 'https://doi.org/10.1056/NEJMoa2312695'),
  (7, 1, 'Choueiri TK, et al. Adjuvant pembrolizumab after nephrectomy in renal-cell carcinoma. N Engl J Med. 2021.', '', 'https://doi.org/10.1056/NEJMoa2106391'),
  (7, 2, 'KEYNOTE-564 (NCT03142334). ClinicalTrials.gov.', '', 'https://clinicaltrials.gov/study/NCT03142334'),
  (8, 0, 'Okafor S, et al. Reduction in repeat biopsies with an MRI-led active surveillance protocol. ASCO GU 2024. Abstract 274.', '274', 'https://meetings.asco.org'),
  (8, 1, 'Hamdy FC, et al. Fifteen-year outcomes after monitoring, surgery, or radiotherapy for prostate cancer. N Engl J Med. 2023.', '', ''),
  (9, 0, 'McAlister F, et al. Cardiometabolic risk factors in testicular cancer survivors ten years after chemotherapy. ASCO GU 2024. Abstract 489.', '489', 'https://meetings.asco.org'),
  (9, 1, 'McAlister F. Late effects in germ cell tumour survivors: a practical guide. Clin Oncol (R Coll Radiol). 2023.', '', ''),
  (10, 0, 'Wolska K, et al. Uptake and timing of risk-reducing salpingo-oophorectomy in a German hereditary cancer clinic. ESGO 2024. Abstract 412.', '412', 'https://www.esgo.org'),
  (10, 1, 'Wolska K, Strand H. Surgical prevention in hereditary breast and ovarian cancer: a review. Int J Gynecol Cancer. 2023.', '', ''),
  (11, 0, 'Strand H, et al. Detection of Lynch syndrome through universal MMR testing of endometrial cancers in Finland. ESGO 2024. Abstract 287.', '287', 'https://www.esgo.org'),
  (11, 1, 'Strand H, Wolska K. Hereditary gynaecological cancer syndromes: a clinical update. Acta Obstet Gynecol Scand. 2023.', '', ''),
  (12, 0, 'André T, et al. Nivolumab plus ipilimumab in microsatellite-instability-high metastatic colorectal cancer. N Engl J Med. 2024.', '', 'https://doi.org/10.1056/NEJMoa2402141'),
  (12, 1, 'CheckMate 8HW (NCT04008030). ClinicalTrials.gov.', '', 'https://clinicaltrials.gov/study/NCT04008030'),
  (12, 2, 'Baptiste C, et al. Concordance of local and central MSI/dMMR testing in metastatic colorectal cancer. JFHOD 2024. Communication CO.112.', 'CO.112', 'https://www.jfhod.com'),
  (13, 0, 'Fournier A, et al. Time from positive faecal immunochemical test to colonoscopy in the Rhône screening programme. JFHOD 2024. Communication CO.047.', 'CO.047', 'https://www.jfhod.com'),
  (13, 1, 'Fournier A. Organised colorectal cancer screening in France: achievements and gaps. Gastroenterol Clin Biol. 2023.', '', ''),
  (14, 0, 'Haddad Y, et al. Stage at diagnosis of hepatocellular carcinoma in MASLD versus viral hepatitis. JFHOD 2024. Poster P.231.', 'P.231', 'https://www.jfhod.com'),
  (15, 0, 'Tutt ANJ, et al. Adjuvant olaparib for patients with BRCA1- or BRCA2-mutated breast cancer. N Engl J Med. 2021.', '', ''),
  (15, 1, 'Strand H, et al. Haematological toxicity during long-term PARP inhibitor maintenance: a Nordic registry analysis. SGO 2024. Abstract 227.', '227', 'https://www.sgo.org'),
  (16, 0, 'Choueiri TK, et al. N Engl J Med. 2024 (KEYNOTE-564 overall survival).', '', 'https://doi.org/10.1056/NEJMoa2312695'),
  (16, 1, 'Pereira J, et al. Uptake of adjuvant pembrolizumab after nephrectomy in a US health system. ASCO 2024. Abstract 4530.', '4530', 'https://meetings.asco.org'),
  (17, 0, 'Modi S, et al. Trastuzumab deruxtecan in previously treated HER2-low advanced breast cancer. N Engl J Med. 2022.', '', 'https://doi.org/10.1056/NEJMoa2203690'),
  (17, 1, 'Modi S, et al. DESTINY-Breast04. ASCO 2022. Abstract LBA3.', 'LBA3', 'https://meetings.asco.org'),
  (17, 2, 'Quintero M, et al. Inter-observer agreement for HER2 0 versus 1+ scoring after a structured training programme. ASCO 2024. Abstract 1089.', '1089', 'https://meetings.asco.org'),
  (18, 0, 'Lu S, et al. Osimertinib after chemoradiotherapy in stage III EGFR-mutated NSCLC. N Engl J Med. 2024.', '', 'https://doi.org/10.1056/NEJMoa2402614'),
  (18, 1, 'Ramalingam SS, et al. LAURA. ASCO 2024. Abstract LBA4.', 'LBA4', 'https://meetings.asco.org'),
  (18, 2, 'LAURA (NCT03521154). ClinicalTrials.gov.', '', 'https://clinicaltrials.gov/study/NCT03521154'),
  (19, 0, 'Okonkwo R, et al. Eligibility for adjuvant CDK4/6 inhibition in a US academic population. ASCO 2024. Abstract 540.', '540', 'https://meetings.asco.org'),
  (19, 1, 'Okonkwo R. Choosing adjuvant CDK4/6 inhibitors: a practical appraisal. J Clin Oncol Pract. 2024.', '', ''),
  (20, 0, 'Tsuboi M, et al. Overall survival with osimertinib in resected EGFR-mutated NSCLC. N Engl J Med. 2023.', '', 'https://doi.org/10.1056/NEJMoa2304594'),
  (20, 1, 'Herbst RS, et al. ADAURA overall survival. ASCO 2023. Abstract LBA3.', 'LBA3', 'https://meetings.asco.org'),
  (20, 2, 'Reinholt T, et al. Recurrence patterns after completion of three years of adjuvant osimertinib. ASCO 2024. Abstract 8052.', '8052', 'https://meetings.asco.org'),
  (21, 0, 'TRANSMET investigators. Liver transplantation plus chemotherapy versus chemotherapy alone for unresectable colorectal liver metastases. ASCO 2024.', '', 'https://meetings.asco.org'),
  (21, 1, 'Ferraguti L, et al. Potential eligibility for liver transplantation among patients with liver-only colorectal metastases. Eur J Cancer. 2024.', '', ''),
  (22, 0, 'Ndlovu G, et al. Surgical outcomes after neoadjuvant chemo-immunotherapy in an Australian cohort. ASCO 2024. Abstract 8041.', '8041', 'https://meetings.asco.org'),
  (22, 1, 'Ndlovu G. Perioperative immunotherapy for lung cancer: a surgical perspective. J Thorac Oncol. 2024.', '', ''),
  (23, 0, 'McAlister F, et al. Salvage cystectomy rates after trimodality therapy in a Scottish cohort. ASCO 2024. Abstract 4581.', '4581', 'https://meetings.asco.org'),
  (23, 1, 'McAlister F, Achterberg D. Bladder preservation in muscle-invasive disease: an overview. Eur Urol Oncol. 2023.', '', ''),
  (24, 0, 'André T, et al. N Engl J Med. 2024 (CheckMate 8HW).', '', 'https://doi.org/10.1056/NEJMoa2402141'),
  (24, 1, 'Ferraguti L, et al. Early progression on first-line immunotherapy in MSI-high colorectal cancer: an Italian multicentre analysis. ESMO GI 2024. Abstract 412P.', '412P', 'https://www.esmo.org'),
  (25, 0, 'Oberhuber M, et al. Pathological response to perioperative FLOT in a Central European registry. ESMO GI 2024. Abstract 398P.', '398P', 'https://www.esmo.org'),
  (25, 1, 'Oberhuber M. Perioperative strategies in resectable gastric cancer. ESMO Open. 2023.', '', ''),
  (26, 0, 'Moriyama K, et al. Turnaround time for a four-marker first-line panel in advanced gastric cancer. ESMO GI 2024. Abstract 421P.', '421P', 'https://www.esmo.org'),
  (26, 1, 'Moriyama K, et al. Heterogeneity of claudin 18.2 expression between primary tumours and metastases. Gastric Cancer. 2024.', '', ''),
  (27, 0, 'Baptiste C, et al. Time to diagnosis in adults under 50 with colorectal cancer: a French multicentre study. ESMO GI 2024. Abstract 305MO.', '305MO', 'https://www.esmo.org'),
  (27, 1, 'Baptiste C. Early-onset colorectal cancer: epidemiology and open questions. Dig Liver Dis. 2024.', '', ''),
  (28, 0, 'Powles T, et al. N Engl J Med. 2024 (EV-302).', '', 'https://doi.org/10.1056/NEJMoa2312117'),
  (28, 1, 'Pereira J, et al. Nurse-led toxicity monitoring during enfortumab vedotin plus pembrolizumab. ESMO 2024. Abstract 1998P.', '1998P', 'https://www.esmo.org'),
  (29, 0, 'Cheng Y, et al. Durvalumab after chemoradiotherapy in limited-stage small-cell lung cancer. N Engl J Med. 2024.', '', ''),
  (29, 1, 'Delacroix A, et al. Prophylactic cranial irradiation versus MRI surveillance in limited-stage SCLC: a French survey. ESMO 2024. Abstract 1788P.', '1788P', 'https://www.esmo.org'),
  (30, 0, 'Ignatiadis M, et al. SABCS 2023. Abstract GS01-02.', 'GS01-02', 'https://www.sabcs.org'),
  (30, 1, 'Schmid P, et al. Overall survival with pembrolizumab in early-stage triple-negative breast cancer. N Engl J Med. 2024.', '', 'https://doi.org/10.1056/NEJMoa2409932'),
  (31, 0, 'Powles T, et al. Perioperative durvalumab with neoadjuvant chemotherapy in operable bladder cancer. N Engl J Med. 2024.', '', ''),
  (31, 1, 'Achterberg D, et al. Feasibility of perioperative immunotherapy within a cystectomy pathway. ESMO 2024. Abstract 2001P.', '2001P', 'https://www.esmo.org'),
  (32, 0, 'Schmid P, et al. Overall survival with pembrolizumab in early-stage triple-negative breast cancer. N Engl J Med. 2024.', '', 'https://doi.org/10.1056/NEJMoa2409932'),
  (32, 1, 'Schmid P, et al. Event-free survival with pembrolizumab in early triple-negative breast cancer. N Engl J Med. 2022.', '', 'https://doi.org/10.1056/NEJMoa2112651'),
  (32, 2, 'KEYNOTE-522 (NCT03036488). ClinicalTrials.gov.', '', 'https://clinicaltrials.gov/study/NCT03036488'),
  (33, 0, 'Lu S, et al. N Engl J Med. 2024 (LAURA).', '', 'https://doi.org/10.1056/NEJMoa2402614'),
  (33, 1, 'Haw LT, et al. Timing of osimertinib initiation after chemoradiotherapy and pneumonitis risk: a Singapore cohort. ESMO 2024. Abstract 1301P.', '1301P', 'https://www.esmo.org'),
  (34, 0, 'Tie J, et al. Circulating tumor DNA analysis guiding adjuvant therapy in stage II colon cancer. N Engl J Med. 2022.', '', ''),
  (34, 1, 'Moriyama K, et al. Post-operative ctDNA dynamics and recurrence in stage II–III colon cancer. ESMO 2024. Abstract 512P.', '512P', 'https://www.esmo.org'),
  (35, 0, 'Okafor S, et al. Use of triplet therapy in metastatic hormone-sensitive prostate cancer across UK centres. ESMO 2024. Abstract 1622P.', '1622P', 'https://www.esmo.org'),
  (35, 1, 'Okafor S. Treatment intensification in metastatic hormone-sensitive prostate cancer. Nat Rev Urol. 2024.', '', ''),
  (36, 0, 'Bellandi C, et al. Participation and smoking cessation in an Italian low-dose CT screening pilot. ESMO 2024. Abstract 1245P.', '1245P', 'https://www.esmo.org'),
  (36, 1, 'Bellandi C. Implementing lung cancer screening in Europe: lessons from pilot programmes. Lung Cancer. 2024.', '', ''),
  (37, 0, 'Ignatiadis M, et al. SABCS 2023. Abstract GS01-02.', 'GS01-02', 'https://www.sabcs.org'),
  (37, 1, 'ALEXANDRA/IMpassion030 (NCT03498716). ClinicalTrials.gov.', '', 'https://clinicaltrials.gov/study/NCT03498716'),
  (37, 2, 'Valdsen H. Timing of immune checkpoint blockade in early breast cancer: a review of mechanisms. Ann Oncol Rev. 2024.', '', ''),
  (38, 0, 'Partridge AH, et al. Interrupting endocrine therapy to attempt pregnancy after breast cancer. N Engl J Med. 2023.', '', ''),
  (38, 1, 'Dunleavy A, et al. A nurse-led fertility pathway for young women with breast cancer. SABCS 2024. Poster P5-04-02.', 'P5-04-02', 'https://www.sabcs.org'),
  (39, 0, 'Modi S, et al. N Engl J Med. 2022 (DESTINY-Breast04).', '', 'https://doi.org/10.1056/NEJMoa2203690'),
  (39, 1, 'Okonkwo R, et al. Outcomes of a second antibody–drug conjugate after trastuzumab deruxtecan: a multicentre retrospective analysis. SABCS 2024. Poster P3-08-14.', 'P3-08-14', 'https://www.sabcs.org'),
  (40, 0, 'Raghavan S, et al. Immune-related endocrinopathies with perioperative pembrolizumab for TNBC outside clinical trials. SABCS 2024. Poster P2-11-05.', 'P2-11-05', 'https://www.sabcs.org'),
  (40, 1, 'Schmid P, et al. N Engl J Med. 2020 (KEYNOTE-522).', '', 'https://doi.org/10.1056/NEJMoa1910549'),
  (41, 0, 'Benhamou N, et al. Impact of a geriatric assessment on adjuvant treatment decisions in women aged 70 and older. SABCS 2024. Poster P1-16-09.', 'P1-16-09', 'https://www.sabcs.org'),
  (41, 1, 'Benhamou N. Geriatric oncology in breast cancer: a practical guide. J Geriatr Oncol. 2024.', '', ''),
  (42, 0, 'Ferraguti L, et al. HER2 testing in RAS wild-type metastatic colorectal cancer: an audit of practice. ASCO GI 2025. Abstract 214.', '214', 'https://meetings.asco.org'),
  (42, 1, 'Ferraguti L. Anti-HER2 therapy in colorectal cancer: current evidence. Cancer Treat Rev. 2024.', '', ''),
  (43, 0, 'Haddad Y, et al. Timing of next-generation sequencing and access to targeted therapy in biliary tract cancer. ASCO GI 2025. Abstract 561.', '561', 'https://meetings.asco.org'),
  (43, 1, 'Haddad Y. Targetable alterations in cholangiocarcinoma: a clinician''s guide. JCO Precis Oncol. 2024.', '', ''),
  (44, 0, 'André T, et al. Nivolumab plus ipilimumab versus nivolumab in MSI-H/dMMR metastatic colorectal cancer: CheckMate 8HW. ASCO GI 2025.', '', 'https://meetings.asco.org'),
  (44, 1, 'André T, et al. N Engl J Med. 2024 (CheckMate 8HW, first-line analysis).', '', 'https://doi.org/10.1056/NEJMoa2402141'),
  (44, 2, 'CheckMate 8HW (NCT04008030). ClinicalTrials.gov.', '', 'https://clinicaltrials.gov/study/NCT04008030'),
  (45, 0, 'Wainberg ZA, et al. NALIRIFOX versus nab-paclitaxel and gemcitabine in treatment-naive metastatic pancreatic ductal adenocarcinoma (NAPOLI 3). Lancet. 2023.', '', ''),
  (45, 1, 'Oberhuber M, et al. Fitness assessment and first-line regimen selection in metastatic pancreatic cancer. ASCO GI 2025. Abstract 688.', '688', 'https://meetings.asco.org'),
  (46, 0, 'Singh S, et al. [177Lu]Lu-DOTA-TATE plus long-acting octreotide versus high-dose long-acting octreotide for newly diagnosed advanced grade 2–3 well-differentiated GEP-NETs (NETTER-2). Lancet. 2024.', '', ''),
  (46, 1, 'van Oosterwijk P, et al. Dosimetry-guided PRRT in grade 2–3 GEP-NETs: a single-centre experience. ENETS 2025. Abstract C12.', 'C12', 'https://www.enets.org'),
  (47, 0, 'Delacroix A, et al. Long-term outcomes of resected atypical lung carcinoids: a French national cohort. ENETS 2025. Abstract N-32.', 'N-32', 'https://www.enets.org'),
  (47, 1, 'Delacroix A. Pulmonary neuroendocrine tumours: an update for thoracic oncologists. Eur Respir Rev. 2024.', '', ''),
  (48, 0, 'Solheim I, et al. Diagnostic revision of high-grade digestive neuroendocrine neoplasms at a reference centre. ENETS 2025. Abstract N-44.', 'N-44', 'https://www.enets.org'),
  (48, 1, 'Solheim I. High-grade neuroendocrine neoplasms of the digestive system: classification and treatment. Neuroendocrinology. 2024.', '', ''),
  (49, 0, 'Solheim I, et al. Screening for carcinoid heart disease with NT-proBNP in a Nordic cohort. ENETS 2025. Abstract N-61.', 'N-61', 'https://www.enets.org'),
  (49, 1, 'van Oosterwijk P, Solheim I. Symptom response after PRRT in patients with carcinoid syndrome. ENETS 2025. Abstract C19.', 'C19', 'https://www.enets.org'),
  (50, 0, 'Wu YL, et al. Osimertinib in resected EGFR-mutated non-small-cell lung cancer. N Engl J Med. 2020.', '', 'https://doi.org/10.1056/NEJMoa2027071'),
  (50, 1, 'Ndlovu G, et al. Patient-reported experience of adjuvant osimertinib: a qualitative study. ELCC 2025. Abstract 94P.', '94P', 'https://www.esmo.org'),
  (51, 0, 'Cho BC, et al. Amivantamab plus lazertinib in previously untreated EGFR-mutated advanced NSCLC. N Engl J Med. 2024.', '', ''),
  (51, 1, 'MARIPOSA investigators. Overall survival with amivantamab plus lazertinib versus osimertinib. ELCC 2025.', '', 'https://www.esmo.org'),
  (52, 0, 'Kapadia R, et al. Time to next systemic therapy after SBRT for oligoprogression on targeted therapy. ELCC 2025. Abstract 132P.', '132P', 'https://www.esmo.org'),
  (52, 1, 'Kapadia R. Oligoprogression in lung cancer: definitions and management. Int J Radiat Oncol Biol Phys. 2024.', '', ''),
  (53, 0, 'Bellandi C, et al. Opt-out smoking cessation support in a thoracic oncology clinic. ELCC 2025. Abstract 211P.', '211P', 'https://www.esmo.org'),
  (53, 1, 'Bellandi C. Tobacco treatment in cancer care. Eur Respir J. 2024.', '', ''),
  (54, 0, 'Vrettos N, et al. Clinical and histological patterns of cutaneous reactions to enfortumab vedotin. EADO 2025. Abstract P-112.', 'P-112', 'https://www.eado.org'),
  (54, 1, 'Vrettos N, Pereira J. Cutaneous adverse events of antibody–drug conjugates. JAMA Dermatol. 2024.', '', ''),
  (55, 0, 'Lindqvist S, et al. Persistent chemotherapy-induced alopecia after taxane-based regimens: a Swedish survey. EADO 2025. Abstract P-087.', 'P-087', 'https://www.eado.org'),
  (55, 1, 'Lindqvist S. Supportive oncodermatology: hair, nails and skin during breast cancer treatment. J Eur Acad Dermatol Venereol. 2024.', '', ''),
  (56, 0, 'Vrettos N, et al. A prophylactic skin care bundle for patients starting amivantamab-based therapy. EADO 2025. Abstract P-098.', 'P-098', 'https://www.eado.org'),
  (56, 1, 'Vrettos N, Lindqvist S. Dermatological adverse events of EGFR-targeted therapies: an update. Br J Dermatol. 2024.', '', ''),
  (57, 0, 'Haw LT, et al. Reflex next-generation sequencing and time to treatment in advanced NSCLC. ASCO 2025. Abstract 8590.', '8590', 'https://meetings.asco.org'),
  (57, 1, 'Haw LT, Reinholt T. Diagnostic pathways for oncogene-driven lung cancer. Lancet Oncol. 2024.', '', ''),
  (58, 0, 'Powles T, et al. N Engl J Med. 2024 (EV-302).', '', 'https://doi.org/10.1056/NEJMoa2312117'),
  (58, 1, 'Achterberg D, et al. Outcomes of platinum chemotherapy after first-line enfortumab vedotin plus pembrolizumab. ASCO 2025. Abstract 4575.', '4575', 'https://meetings.asco.org'),
  (59, 0, 'SERENA-6 investigators. Camizestrant switch on emergent ESR1 mutation during first-line therapy. ASCO 2025, plenary session.', '', 'https://meetings.asco.org'),
  (59, 1, 'Valdsen H, et al. Feasibility of three-monthly ESR1 ctDNA testing in routine care. ASCO 2025. Abstract 1052.', '1052', 'https://meetings.asco.org'),
  (60, 0, 'MATTERHORN investigators. Perioperative durvalumab plus FLOT in resectable gastric and gastro-oesophageal junction adenocarcinoma. ASCO 2025, plenary session.', '', 'https://meetings.asco.org'),
  (60, 1, 'Oberhuber M, et al. Real-world completion rates of perioperative FLOT. ASCO 2025. Abstract 4051.', '4051', 'https://meetings.asco.org'),
  (61, 0, 'Bellandi C, et al. Outcomes of immune checkpoint inhibitor rechallenge in advanced NSCLC: an Italian multicentre analysis. ASCO 2025. Abstract 8612.', '8612', 'https://meetings.asco.org'),
  (61, 1, 'Bellandi C. Resistance to immunotherapy in lung cancer: definitions and strategies. Ann Oncol. 2024.', '', ''),
  (62, 0, 'Tsao WL, et al. Outcomes of taxane-naive patients receiving 177Lu-PSMA-617 in routine practice in Asia. ASCO 2025. Abstract 5031.', '5031', 'https://meetings.asco.org'),
  (62, 1, 'Tsao WL, Okafor S. Sequencing radioligand therapy in metastatic prostate cancer. Eur Urol. 2025.', '', ''),
  (63, 0, 'Bamidele T, et al. Availability of WHO essential breast cancer medicines in public hospitals in West Africa. ASCO 2025. Abstract e13021.', 'e13021', 'https://meetings.asco.org'),
  (63, 1, 'Raghavan S, Bamidele T. Financial toxicity in breast cancer care in low- and middle-income countries. JCO Glob Oncol. 2024.', '', ''),
  (64, 0, 'Reinholt T, et al. Real-world outcomes with trastuzumab deruxtecan in HER2-mutant NSCLC. ASCO 2025. Abstract 8621.', '8621', 'https://meetings.asco.org'),
  (64, 1, 'Reinholt T. HER2 alterations in lung cancer: mutation, amplification and overexpression. J Thorac Oncol. 2024.', '', ''),
  (65, 0, 'Moncada B, et al. Anaemia and hypoxia during belzutifan treatment: a Spanish multicentre experience. ASCO 2025. Abstract 4529.', '4529', 'https://meetings.asco.org'),
  (65, 1, 'Moncada B. Targeting HIF-2α in kidney cancer. Cancer Treat Rev. 2024.', '', ''),
  (66, 0, 'Carrasco I, et al. Time from nodal diagnosis to neoadjuvant treatment in a Spanish melanoma network. EADV 2024. Abstract FC04.3.', 'FC04.3', 'https://eadv.org'),
  (66, 1, 'Carrasco I. Neoadjuvant therapy in melanoma: a guide for dermatologists. Actas Dermosifiliogr. 2024.', '', ''),
  (67, 0, 'Hagendijk J, et al. Absolute PASI targets versus relative response in a Dutch biologics registry. EADV 2024. Abstract P1872.', 'P1872', 'https://eadv.org'),
  (67, 1, 'Hagendijk J. Treatment goals in moderate-to-severe psoriasis. Br J Dermatol. 2023.', '', ''),
  (68, 0, 'Deshmukh A, et al. Comorbidities and systemic treatment choices in adults over 60 with atopic dermatitis. EADV 2024. Abstract P0451.', 'P0451', 'https://eadv.org'),
  (68, 1, 'Deshmukh A. Atopic dermatitis in older adults: diagnosis and management. J Am Acad Dermatol. 2024.', '', ''),
  (69, 0, 'Ravanelli M, et al. Intermittent dosing of hedgehog inhibitors in locally advanced BCC: an Italian experience. AAD 2025. Poster 61234.', '61234', 'https://www.aad.org'),
  (69, 1, 'Ravanelli M. Systemic therapy for advanced basal cell carcinoma. Dermatol Surg. 2024.', '', ''),
  (70, 0, 'Carrasco I, et al. A dermatology–transplant shared-care clinic: five-year outcomes. AAD 2025. Poster 60871.', '60871', 'https://www.aad.org'),
  (70, 1, 'Allen NC, et al. Nicotinamide for skin-cancer chemoprevention in transplant recipients. N Engl J Med. 2023.', '', ''),
  (71, 0, 'Hagendijk J, et al. Flare frequency before and after IL-36 receptor blockade in a Dutch GPP cohort. AAD 2025. Poster 59310.', '59310', 'https://www.aad.org'),
  (71, 1, 'Hagendijk J. Generalised pustular psoriasis: pathogenesis and targeted treatment. J Eur Acad Dermatol Venereol. 2024.', '', ''),
  (72, 0, 'Facon T, et al. Isatuximab, bortezomib, lenalidomide, and dexamethasone for multiple myeloma. N Engl J Med. 2024.', '', ''),
  (72, 1, 'Tanabe H, et al. Frailty and treatment discontinuation with quadruplet induction in older patients with myeloma. ASH 2024. Abstract 3341.', '3341', 'https://www.hematology.org'),
  (73, 0, 'Nwosu E, et al. Outpatient step-up dosing of bispecific antibodies in DLBCL: a UK experience. ASH 2024. Abstract 4467.', '4467', 'https://www.hematology.org'),
  (73, 1, 'Nwosu E. T-cell engaging therapies in aggressive B-cell lymphoma. Br J Haematol. 2024.', '', ''),
  (74, 0, 'Iturbe C, et al. Sustained MRD negativity by next-generation flow and treatment-free intervals. ASH 2024. Abstract 2987.', '2987', 'https://www.hematology.org'),
  (74, 1, 'Iturbe C. Measurable residual disease in multiple myeloma: methods and clinical use. Haematologica. 2024.', '', ''),
  (75, 0, 'Herrera AF, et al. Nivolumab+AVD in advanced-stage classic Hodgkin''s lymphoma. N Engl J Med. 2024.', '', ''),
  (75, 1, 'Lindahl O, et al. Fertility and gonadal function after modern first-line regimens for Hodgkin lymphoma. EHA 2025. Abstract PF812.', 'PF812', 'https://ehaweb.org'),
  (76, 0, 'Nwosu E, et al. Referral-to-infusion intervals for CAR-T therapy in a London network. EHA 2025. Abstract PB2291.', 'PB2291', 'https://ehaweb.org'),
  (76, 1, 'Nwosu E, Lindahl O. Bridging therapy before CAR-T cell therapy. Blood Rev. 2024.', '', ''),
  (77, 0, 'Tanabe H, et al. Immunoglobulin replacement and infection rates during BCMA bispecific therapy. EHA 2025. Abstract S205.', 'S205', 'https://ehaweb.org'),
  (77, 1, 'Iturbe C, Tanabe H. Infection prophylaxis with T-cell redirecting therapies in myeloma: a consensus-based approach. Leukemia. 2024.', '', '');

-- Article sponsors
INSERT INTO article_sponsor (article_id, sponsor_id) VALUES
  (1, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'helix-oncology')),
  (2, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'nordvik-pharma')),
  (5, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'solenne-biotherapeutics')),
  (7, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'quillon-biopharma')),
  (10, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'nordvik-pharma')),
  (12, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'helix-oncology')),
  (16, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'quillon-biopharma')),
  (17, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'solenne-biotherapeutics')),
  (18, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'nordvik-pharma')),
  (20, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'nordvik-pharma')),
  (20, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'helix-oncology')),
  (21, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'quillon-biopharma')),
  (24, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'helix-oncology')),
  (24, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'nordvik-pharma')),
  (26, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'solenne-biotherapeutics')),
  (28, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'solenne-biotherapeutics')),
  (30, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'helix-oncology')),
  (30, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'quillon-biopharma')),
  (31, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'helix-oncology')),
  (32, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'quillon-biopharma')),
  (34, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'tamsin-life-sciences')),
  (37, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'helix-oncology')),
  (39, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'solenne-biotherapeutics')),
  (39, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'tamsin-life-sciences')),
  (40, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'quillon-biopharma')),
  (42, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'solenne-biotherapeutics')),
  (43, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'solenne-biotherapeutics')),
  (43, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'quillon-biopharma')),
  (44, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'helix-oncology')),
  (46, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'tamsin-life-sciences')),
  (50, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'nordvik-pharma')),
  (51, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'helix-oncology')),
  (56, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'tamsin-life-sciences')),
  (58, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'solenne-biotherapeutics')),
  (59, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'tamsin-life-sciences')),
  (60, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'helix-oncology')),
  (64, (SELECT id FROM sponsor WHERE site_id = 1 AND slug = 'solenne-biotherapeutics'));

-- Article tags
INSERT INTO article_tag (article_id, tag_id) VALUES
  (1, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'tnbc')),
  (1, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'immunotherapy')),
  (1, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'adjuvant')),
  (2, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'hr-positive')),
  (2, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'adjuvant')),
  (2, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'survivorship')),
  (3, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'ctdna')),
  (3, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'biomarkers')),
  (3, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'survivorship')),
  (4, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'surgery')),
  (4, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'neoadjuvant')),
  (5, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'bladder-cancer')),
  (5, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'adc')),
  (5, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'immunotherapy')),
  (6, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'prostate-cancer')),
  (6, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'biomarkers')),
  (6, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'radiotherapy')),
  (7, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'kidney-cancer')),
  (7, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'adjuvant')),
  (7, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'immunotherapy')),
  (8, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'prostate-cancer')),
  (8, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'survivorship')),
  (9, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'survivorship')),
  (9, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'toxicity')),
  (10, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'hereditary-cancer')),
  (10, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'surgery')),
  (11, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'hereditary-cancer')),
  (11, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'msi-dmmr')),
  (11, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'colorectal-cancer')),
  (11, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'screening')),
  (12, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'msi-dmmr')),
  (12, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'colorectal-cancer')),
  (12, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'immunotherapy')),
  (13, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'colorectal-cancer')),
  (13, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'screening')),
  (14, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'liver-cancer')),
  (14, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'screening')),
  (15, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'hereditary-cancer')),
  (15, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'targeted-therapy')),
  (15, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'toxicity')),
  (16, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'kidney-cancer')),
  (16, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'adjuvant')),
  (16, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'immunotherapy')),
  (17, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'her2-low')),
  (17, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'adc')),
  (17, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'biomarkers')),
  (18, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'egfr')),
  (18, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'targeted-therapy')),
  (18, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'radiotherapy')),
  (19, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'hr-positive')),
  (19, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'adjuvant')),
  (19, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'targeted-therapy')),
  (20, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'egfr')),
  (20, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'adjuvant')),
  (20, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'targeted-therapy')),
  (20, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'ctdna')),
  (21, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'colorectal-cancer')),
  (21, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'surgery')),
  (22, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'immunotherapy')),
  (22, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'neoadjuvant')),
  (22, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'surgery')),
  (23, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'bladder-cancer')),
  (23, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'radiotherapy')),
  (23, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'surgery')),
  (24, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'msi-dmmr')),
  (24, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'colorectal-cancer')),
  (24, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'immunotherapy')),
  (24, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'biomarkers')),
  (25, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'gastric-cancer')),
  (25, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'immunotherapy')),
  (25, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'neoadjuvant')),
  (26, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'gastric-cancer')),
  (26, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'biomarkers')),
  (26, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'targeted-therapy')),
  (27, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'colorectal-cancer')),
  (27, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'screening')),
  (27, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'survivorship')),
  (28, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'bladder-cancer')),
  (28, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'adc')),
  (28, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'toxicity')),
  (29, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'immunotherapy')),
  (29, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'radiotherapy')),
  (30, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'tnbc')),
  (30, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'immunotherapy')),
  (30, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'neoadjuvant')),
  (31, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'bladder-cancer')),
  (31, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'immunotherapy')),
  (31, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'neoadjuvant')),
  (31, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'surgery')),
  (32, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'tnbc')),
  (32, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'immunotherapy')),
  (32, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'neoadjuvant')),
  (32, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'adjuvant')),
  (33, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'egfr')),
  (33, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'targeted-therapy')),
  (33, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'toxicity')),
  (34, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'ctdna')),
  (34, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'colorectal-cancer')),
  (34, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'adjuvant')),
  (34, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'biomarkers')),
  (35, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'prostate-cancer')),
  (35, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'targeted-therapy')),
  (36, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'screening')),
  (36, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'health-equity')),
  (37, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'tnbc')),
  (37, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'immunotherapy')),
  (37, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'adjuvant')),
  (37, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'biomarkers')),
  (38, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'survivorship')),
  (38, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'hr-positive')),
  (39, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'adc')),
  (39, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'her2-low')),
  (39, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'hr-positive')),
  (40, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'tnbc')),
  (40, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'immunotherapy')),
  (40, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'toxicity')),
  (41, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'geriatric-oncology')),
  (41, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'adjuvant')),
  (42, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'colorectal-cancer')),
  (42, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'biomarkers')),
  (42, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'targeted-therapy')),
  (43, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'biomarkers')),
  (43, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'targeted-therapy')),
  (43, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'liver-cancer')),
  (44, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'msi-dmmr')),
  (44, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'colorectal-cancer')),
  (44, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'immunotherapy')),
  (45, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'pancreatic-cancer')),
  (45, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'geriatric-oncology')),
  (46, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'neuroendocrine-tumours')),
  (46, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'radioligand-therapy')),
  (47, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'neuroendocrine-tumours')),
  (47, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'surgery')),
  (48, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'neuroendocrine-tumours')),
  (48, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'biomarkers')),
  (49, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'neuroendocrine-tumours')),
  (49, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'supportive-care')),
  (49, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'radioligand-therapy')),
  (50, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'egfr')),
  (50, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'adjuvant')),
  (50, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'survivorship')),
  (51, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'egfr')),
  (51, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'targeted-therapy')),
  (51, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'toxicity')),
  (52, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'radiotherapy')),
  (52, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'targeted-therapy')),
  (52, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'immunotherapy')),
  (53, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'survivorship')),
  (53, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'supportive-care')),
  (54, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'bladder-cancer')),
  (54, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'adc')),
  (54, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'toxicity')),
  (54, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'supportive-care')),
  (55, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'supportive-care')),
  (55, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'survivorship')),
  (55, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'toxicity')),
  (56, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'egfr')),
  (56, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'toxicity')),
  (56, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'supportive-care')),
  (57, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'biomarkers')),
  (57, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'egfr')),
  (57, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'targeted-therapy')),
  (58, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'bladder-cancer')),
  (58, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'adc')),
  (58, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'targeted-therapy')),
  (59, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'hr-positive')),
  (59, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'ctdna')),
  (59, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'biomarkers')),
  (60, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'gastric-cancer')),
  (60, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'immunotherapy')),
  (60, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'neoadjuvant')),
  (61, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'immunotherapy')),
  (61, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'toxicity')),
  (62, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'prostate-cancer')),
  (62, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'radioligand-therapy')),
  (63, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'health-equity')),
  (63, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'hr-positive')),
  (63, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'her2-low')),
  (64, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'targeted-therapy')),
  (64, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'adc')),
  (64, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'biomarkers')),
  (65, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'kidney-cancer')),
  (65, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'targeted-therapy')),
  (65, (SELECT id FROM tag WHERE site_id = 1 AND slug = 'toxicity')),
  (66, (SELECT id FROM tag WHERE site_id = 2 AND slug = 'melanoma')),
  (66, (SELECT id FROM tag WHERE site_id = 2 AND slug = 'immunotherapy')),
  (67, (SELECT id FROM tag WHERE site_id = 2 AND slug = 'psoriasis')),
  (67, (SELECT id FROM tag WHERE site_id = 2 AND slug = 'biologics')),
  (67, (SELECT id FROM tag WHERE site_id = 2 AND slug = 'treatment-goals')),
  (68, (SELECT id FROM tag WHERE site_id = 2 AND slug = 'atopic-dermatitis')),
  (68, (SELECT id FROM tag WHERE site_id = 2 AND slug = 'biologics')),
  (69, (SELECT id FROM tag WHERE site_id = 2 AND slug = 'keratinocyte-cancer')),
  (69, (SELECT id FROM tag WHERE site_id = 2 AND slug = 'immunotherapy')),
  (70, (SELECT id FROM tag WHERE site_id = 2 AND slug = 'keratinocyte-cancer')),
  (70, (SELECT id FROM tag WHERE site_id = 2 AND slug = 'prevention')),
  (71, (SELECT id FROM tag WHERE site_id = 2 AND slug = 'psoriasis')),
  (71, (SELECT id FROM tag WHERE site_id = 2 AND slug = 'biologics')),
  (72, (SELECT id FROM tag WHERE site_id = 3 AND slug = 'myeloma')),
  (72, (SELECT id FROM tag WHERE site_id = 3 AND slug = 'first-line')),
  (73, (SELECT id FROM tag WHERE site_id = 3 AND slug = 'lymphoma')),
  (73, (SELECT id FROM tag WHERE site_id = 3 AND slug = 'bispecific-antibodies')),
  (73, (SELECT id FROM tag WHERE site_id = 3 AND slug = 'car-t')),
  (74, (SELECT id FROM tag WHERE site_id = 3 AND slug = 'myeloma')),
  (74, (SELECT id FROM tag WHERE site_id = 3 AND slug = 'mrd')),
  (75, (SELECT id FROM tag WHERE site_id = 3 AND slug = 'hodgkin-lymphoma')),
  (75, (SELECT id FROM tag WHERE site_id = 3 AND slug = 'lymphoma')),
  (75, (SELECT id FROM tag WHERE site_id = 3 AND slug = 'first-line')),
  (76, (SELECT id FROM tag WHERE site_id = 3 AND slug = 'car-t')),
  (76, (SELECT id FROM tag WHERE site_id = 3 AND slug = 'lymphoma')),
  (77, (SELECT id FROM tag WHERE site_id = 3 AND slug = 'myeloma')),
  (77, (SELECT id FROM tag WHERE site_id = 3 AND slug = 'bispecific-antibodies')),
  (77, (SELECT id FROM tag WHERE site_id = 3 AND slug = 'infections'));

-- Revisions: the initial text of every article
INSERT INTO revision (article_id, created_at, title, summary, body)
  SELECT id, created_at, title, summary, body FROM article ORDER BY id;

-- Pages
INSERT INTO page (site_id, path, title, body, updated_at) VALUES (1, '/privacy', 'Privacy policy',
  'This policy explains what personal data Plenary Oncology processes when you visit the site or write to us, why we do so, and what rights you have. We have kept it short because we collect very little.

## Who is responsible

The controller of your personal data is **Plenary Medical Media**, the publisher of the Plenary portals (Plenary Oncology, Plenary Dermatology and Plenary Hematology). You can reach us about anything in this policy at privacy@plenary.example or through the [contact form](/contact).

## What we collect

**Messages sent through the contact form.** When you write to us we receive your name, your e-mail address, the topic you chose and the text of your message. We do not ask for health information, and we ask you not to include any.

**A consent cookie.** If you make a choice about embedded videos, your browser stores a small cookie called `plenary_consent` so that we do not ask you again on every page. It contains your choice and nothing else. See the Cookies section below.

**Server logs.** Like every web server, ours records technical data for each request: your IP address, the date and time, the page requested, the response status, the referring page and the browser''s user-agent string.

We do **not** use analytics tools, advertising networks, tracking pixels or social media plug-ins, and we do not build profiles of our readers.

## Why we use it and on what legal basis

- **Contact form messages** are used to answer your question, correction request or proposal. Legal basis: our legitimate interest in replying to people who write to us (Art. 6(1)(f)).
- **The consent cookie** is used to remember your choice about embedded videos. Legal basis: our obligation to respect and be able to demonstrate your choice (Art. 6(1)(c)).
- **Server logs** are used to keep the site secure and available, detect abuse and fix errors. Legal basis: our legitimate interest in operating a secure service (Art. 6(1)(f)).
- **Embedded videos** hosted on YouTube are shown only with your consent (Art. 6(1)(a)), which you can withdraw at any time.

## How long we keep it

- Contact form messages: up to **12 months** after our last exchange with you, then deleted.
- Server logs: **14 days**, then deleted.
- The consent cookie: **12 months** in your browser, unless you delete it earlier.

## Who receives it

Our hosting provider processes data on our behalf under a data processing agreement and within the European Union. We do not sell or rent personal data. We disclose it to authorities only where the law requires us to.

## Your rights

Under the General Data Protection Regulation you have the right to:

- access the personal data we hold about you;
- have inaccurate data corrected;
- have your data erased;
- restrict or object to our processing;
- receive your data in a portable format, where applicable;
- withdraw your consent at any time, without affecting processing carried out before the withdrawal.

To exercise these rights, write to privacy@plenary.example. We answer within one month. You also have the right to lodge a complaint with a data protection supervisory authority, in particular in the EU country where you live or work.

## Cookies

Plenary Oncology sets **one cookie**, and it is strictly necessary:

- **`plenary_consent`**: stores your choice about loading embedded videos. First-party cookie, kept for 12 months. Strictly necessary.

Because this cookie only records your own choice, it does not require consent.

Some articles contain interview videos hosted on **YouTube**. Embedded videos are **only loaded after you give your consent**. Until then, we show a placeholder, and no request is sent to YouTube. Once you accept, the video is loaded from YouTube (Google Ireland Limited), which receives your IP address and may set its own cookies and process data under its own privacy policy, including transfers outside the European Union. You can withdraw your consent at any time by deleting the `plenary_consent` cookie in your browser; we will then ask you again before loading any video.

## Changes to this policy

If we add features that process personal data, such as user accounts, we will update this policy before they go live; the date of the last update is shown with this page.
', strftime('%s','now'));
INSERT INTO page (site_id, path, title, body, updated_at) VALUES (1, '/contact', 'Contact us',
  'Questions about an article, a correction to report, an idea for an interview or a partnership proposal? Use the form below and our editorial team will reply, usually within three working days.

Please note that we are a publication for healthcare professionals and **cannot give medical advice** about individual patients. If you need urgent medical help, contact your doctor or the emergency services.

The information you send is used only to answer your message and is kept for no longer than 12 months; see our [privacy policy](/privacy) for details.
', strftime('%s','now'));
INSERT INTO page (site_id, path, title, body, updated_at) VALUES (1, '/about', 'About Plenary Oncology',
  '**Plenary Oncology** brings the major oncology congresses to clinicians who could not be in the room. From ASCO and ESMO to San Antonio and the specialist meetings on digestive, genitourinary and thoracic cancers, we publish short expert interviews and reports that explain what was presented and what it may mean for practice.

## Who it is for

Plenary Oncology is written for **healthcare professionals**: medical, clinical and radiation oncologists, surgeons, haematologists, pathologists, specialist nurses, pharmacists and trainees. Some content is reserved for registered members or verified healthcare professionals, in line with the rules that apply to information about prescription medicines.

## How we work

- Every article is tied to a congress, and where relevant to the trial it discusses, so that you can follow a study from its first presentation to later discussions.
- Each piece lists its references, including abstract numbers where they exist.
- Interviews are edited for length and clarity and approved by the interviewee before publication.

## Editorial independence

Our editorial team chooses the topics, the experts and the questions. Some programmes are supported by **independent educational grants** from pharmaceutical and biotechnology companies. Supporters are named on every article they support, together with a disclosure statement, and they have no influence on the selection of topics, the content or the final text. We do not publish promotional material.

## Part of the Plenary network

Plenary Oncology has sister sites in **dermatology** and **hematology**, built on the same principles. You can find them under *Other specialties* in the menu.

## About this demonstration

This installation contains demonstration content. Trial results are taken from public congress presentations and publications, but the experts interviewed, their institutional studies and the sponsors are fictional.
', strftime('%s','now'));
INSERT INTO page (site_id, path, title, body, updated_at) VALUES (2, '/privacy', 'Privacy policy',
  'Plenary Dermatology is published by **Plenary Medical Media**, the controller of your personal data. Contact: privacy@plenary.example.

## What we collect and why

- **Contact form messages** (name, e-mail address, topic, message), used only to reply to you, on the basis of our legitimate interest (Art. 6(1)(f) GDPR), and deleted at the latest 12 months after our last exchange.
- **Server logs** (IP address, date and time, page requested, referrer, user-agent), used to keep the site secure and working, on the basis of our legitimate interest, and deleted after 14 days.
- **Your consent choice** for embedded videos, stored in a cookie (see below).

We use no analytics, advertising or tracking tools, and we never sell personal data.

## Your rights

You may ask for access to, correction or erasure of your data, restrict or object to its processing, and withdraw consent at any time by writing to privacy@plenary.example. You may also complain to a data protection supervisory authority.

## Cookies

We set a single, strictly necessary cookie, `plenary_consent`, which records your choice about embedded videos for 12 months. Videos hosted on YouTube are only loaded after you have given your consent; before that, no data is sent to YouTube.
', strftime('%s','now'));
INSERT INTO page (site_id, path, title, body, updated_at) VALUES (2, '/contact', 'Contact us',
  'Write to the Plenary Dermatology editorial team with questions, corrections or suggestions for interviews. We reply within a few working days. We cannot give medical advice about individual patients. Your message is used only to answer you; see the [privacy policy](/privacy).
', strftime('%s','now'));
INSERT INTO page (site_id, path, title, body, updated_at) VALUES (2, '/about', 'About Plenary Dermatology',
  '**Plenary Dermatology** covers the major dermatology congresses, including EADV and the AAD Annual Meeting, through short interviews with dermatologists and dermato-oncologists.

It is written for healthcare professionals. Topics range from melanoma and keratinocyte cancers to psoriasis, atopic dermatitis and other inflammatory skin diseases.

## Editorial independence

The editorial team selects topics and experts. Any external support is disclosed on the article concerned, and supporters have no influence on the content.

This is demonstration content: trial results come from public sources, while the experts interviewed are fictional.
', strftime('%s','now'));
INSERT INTO page (site_id, path, title, body, updated_at) VALUES (3, '/privacy', 'Privacy policy',
  'Plenary Hematology is published by **Plenary Medical Media**, the controller of your personal data. Contact: privacy@plenary.example.

## What we collect and why

- **Contact form messages** (name, e-mail address, topic, message), used only to reply to you, on the basis of our legitimate interest (Art. 6(1)(f) GDPR), and deleted at the latest 12 months after our last exchange.
- **Server logs** (IP address, date and time, page requested, referrer, user-agent), used to keep the site secure and working, on the basis of our legitimate interest, and deleted after 14 days.
- **Your consent choice** for embedded videos, stored in a cookie (see below).

We use no analytics, advertising or tracking tools, and we never sell personal data.

## Your rights

You may ask for access to, correction or erasure of your data, restrict or object to its processing, and withdraw consent at any time by writing to privacy@plenary.example. You may also complain to a data protection supervisory authority.

## Cookies

We set a single, strictly necessary cookie, `plenary_consent`, which records your choice about embedded videos for 12 months. Videos hosted on YouTube are only loaded after you have given your consent; before that, no data is sent to YouTube.
', strftime('%s','now'));
INSERT INTO page (site_id, path, title, body, updated_at) VALUES (3, '/contact', 'Contact us',
  'Write to the Plenary Hematology editorial team with questions, corrections or suggestions for interviews. We reply within a few working days. We cannot give medical advice about individual patients. Your message is used only to answer you; see the [privacy policy](/privacy).
', strftime('%s','now'));
INSERT INTO page (site_id, path, title, body, updated_at) VALUES (3, '/about', 'About Plenary Hematology',
  '**Plenary Hematology** reports from ASH, EHA and other haematology meetings, with interviews focused on lymphoma, myeloma and cellular therapy.

It is written for haematologists, oncologists, nurses and pharmacists who want a concise view of what was presented and what it means in clinic.

## Editorial independence

The editorial team selects topics and experts. Any external support is disclosed on the article concerned, and supporters have no influence on the content.

This is demonstration content: trial results come from public sources, while the experts interviewed are fictional.
', strftime('%s','now'));

-- Menus: a tree per site (parent_id), ordered by position
INSERT INTO menu_item (id, site_id, parent_id, position, label, url) VALUES
  (1, 1, NULL, 0, 'Home', '/'),
  (2, 1, NULL, 1, 'Congresses', '/congresses'),
  (3, 1, 2, 0, '2025', '/congresses/2025'),
  (4, 1, 3, 0, 'ASCO 2025', '/congress/asco-2025'),
  (5, 1, 3, 1, 'ASCO GI 2025', '/congress/asco-gi-2025'),
  (6, 1, 3, 2, 'ENETS 2025', '/congress/enets-2025'),
  (7, 1, 3, 3, 'ELCC 2025', '/congress/elcc-2025'),
  (8, 1, 3, 4, 'EADO 2025', '/congress/eado-2025'),
  (9, 1, 2, 1, '2024', '/congresses/2024'),
  (10, 1, 9, 0, 'SABCS 2024', '/congress/sabcs-2024'),
  (11, 1, 9, 1, 'ESMO 2024', '/congress/esmo-2024'),
  (12, 1, 9, 2, 'ESMO GI 2024', '/congress/esmo-gi-2024'),
  (13, 1, 9, 3, 'ASCO 2024', '/congress/asco-2024'),
  (14, 1, 9, 4, 'JFHOD 2024', '/congress/jfhod-2024'),
  (15, 1, 9, 5, 'ASCO GU 2024', '/congress/asco-gu-2024'),
  (16, 1, 9, 6, 'ESGO & SGO 2024', '/congress/esgo-sgo-2024'),
  (17, 1, 2, 2, '2023', '/congresses/2023'),
  (18, 1, 17, 0, 'SABCS 2023', '/congress/sabcs-2023'),
  (19, 1, NULL, 2, 'What''s new', ''),
  (20, 1, 19, 0, 'Breast Cancer', '/section/breast-cancer'),
  (21, 1, 19, 1, 'GI Cancer', '/section/gi-cancer'),
  (22, 1, 19, 2, 'GU Cancer', '/section/gu-cancer'),
  (23, 1, 19, 3, 'Lung Cancer', '/section/lung-cancer'),
  (24, 1, NULL, 3, 'Contact', '/contact'),
  (25, 1, NULL, 4, 'Other specialties', ''),
  (26, 1, 25, 0, 'Dermatology', 'site:dermatology'),
  (27, 1, 25, 1, 'Hematology', 'site:hematology'),
  (28, 1, NULL, 5, 'Sign up', '/signup'),
  (29, 1, NULL, 6, 'Sign in', '/signin'),
  (30, 2, NULL, 0, 'Home', '/'),
  (31, 2, NULL, 1, 'Congresses', '/congresses'),
  (32, 2, 31, 0, '2025', '/congresses/2025'),
  (33, 2, 32, 0, 'AAD 2025', '/congress/aad-2025'),
  (34, 2, 31, 1, '2024', '/congresses/2024'),
  (35, 2, 34, 0, 'EADV 2024', '/congress/eadv-2024'),
  (36, 2, NULL, 2, 'What''s new', ''),
  (37, 2, 36, 0, 'Melanoma & Skin Cancer', '/section/melanoma-skin-cancer'),
  (38, 2, 36, 1, 'Atopic Dermatitis & Psoriasis', '/section/atopic-dermatitis-psoriasis'),
  (39, 2, NULL, 3, 'Contact', '/contact'),
  (40, 2, NULL, 4, 'Other specialties', ''),
  (41, 2, 40, 0, 'Oncology', 'site:oncology'),
  (42, 2, 40, 1, 'Hematology', 'site:hematology'),
  (43, 2, NULL, 5, 'Sign up', '/signup'),
  (44, 2, NULL, 6, 'Sign in', '/signin'),
  (45, 3, NULL, 0, 'Home', '/'),
  (46, 3, NULL, 1, 'Congresses', '/congresses'),
  (47, 3, 46, 0, '2025', '/congresses/2025'),
  (48, 3, 47, 0, 'EHA 2025', '/congress/eha-2025'),
  (49, 3, 46, 1, '2024', '/congresses/2024'),
  (50, 3, 49, 0, 'ASH 2024', '/congress/ash-2024'),
  (51, 3, NULL, 2, 'What''s new', ''),
  (52, 3, 51, 0, 'Lymphoma', '/section/lymphoma'),
  (53, 3, 51, 1, 'Myeloma', '/section/myeloma'),
  (54, 3, NULL, 3, 'Contact', '/contact'),
  (55, 3, NULL, 4, 'Other specialties', ''),
  (56, 3, 55, 0, 'Oncology', 'site:oncology'),
  (57, 3, 55, 1, 'Dermatology', 'site:dermatology'),
  (58, 3, NULL, 5, 'Sign up', '/signup'),
  (59, 3, NULL, 6, 'Sign in', '/signin'),
  (60, 1, NULL, 2, 'Trials', '/trials');

-- name translations (issue 20): the oncology site's sections, topics, menu, pages, tagline and congress
-- descriptions in French and Dutch; congresses keep their names (ASCO 2024 in every language)
INSERT INTO name_translation (kind, item_id, lang, field, text) VALUES
  ('section', 1, 'fr', 'name', 'Cancer du sein'),
  ('section', 1, 'fr', 'description', 'Cancer du sein précoce et métastatique : traitements systémiques, chirurgie, radiothérapie et vie après le cancer.'),
  ('section', 1, 'nl', 'name', 'Borstkanker'),
  ('section', 1, 'nl', 'description', 'Vroege en gemetastaseerde borstkanker: systemische behandeling, chirurgie, radiotherapie en het leven na kanker.'),
  ('section', 2, 'fr', 'name', 'Cancers digestifs'),
  ('section', 2, 'fr', 'description', 'Cancers colorectaux, œsogastriques, pancréatiques et hépatobiliaires, et tumeurs neuroendocrines du tube digestif.'),
  ('section', 2, 'nl', 'name', 'Digestieve kankers'),
  ('section', 2, 'nl', 'description', 'Colorectale, gastro-oesofageale, pancreas- en hepatobiliaire kankers en neuro-endocriene tumoren van het spijsverteringsstelsel.'),
  ('section', 3, 'fr', 'name', 'Cancers urogénitaux'),
  ('section', 3, 'fr', 'description', 'Cancers de la prostate, de la vessie, du rein et du testicule, de la maladie localisée au stade métastatique.'),
  ('section', 3, 'nl', 'name', 'Urogenitale kankers'),
  ('section', 3, 'nl', 'description', 'Prostaat-, blaas-, nier- en teelbalkanker, van gelokaliseerde tot gemetastaseerde ziekte.'),
  ('section', 4, 'fr', 'name', 'Cancer du poumon'),
  ('section', 4, 'fr', 'description', 'Cancers bronchiques non à petites cellules et à petites cellules, tumeurs thoraciques, dépistage et thérapies ciblées.'),
  ('section', 4, 'nl', 'name', 'Longkanker'),
  ('section', 4, 'nl', 'description', 'Niet-kleincellige en kleincellige longkanker, thoracale tumoren, screening en doelgerichte therapie.'),
  ('congress', 1, 'fr', 'description', 'La réunion de décembre au Texas, où une grande partie de la recherche qui change la pratique en cancer du sein est présentée pour la première fois.

Notre couverture 2023 porte sur la **maladie triple négative précoce**, dont l''étude négative ALEXANDRA/IMpassion030 sur l''atézolizumab adjuvant, avec des interviews sur la désescalade chirurgicale, la suppression ovarienne et l''ADN tumoral circulant.'),
  ('congress', 1, 'nl', 'description', 'De decemberbijeenkomst in Texas, waar veel van het borstkankeronderzoek dat de praktijk verandert voor het eerst wordt voorgesteld.

Onze verslaggeving van 2023 draait rond **vroege triple-negatieve ziekte**, met de negatieve ALEXANDRA/IMpassion030-studie van adjuvant atezolizumab, en interviews over minder uitgebreide chirurgie, ovariële suppressie en circulerend tumor-DNA.'),
  ('congress', 2, 'fr', 'description', 'Trois jours à San Francisco consacrés aux cancers de la prostate, de la vessie, du rein et du testicule.

Les temps forts que nous avons suivis : la **survie globale sous pembrolizumab adjuvant** dans le carcinome rénal, le nouveau standard de première ligne dans le cancer urothélial, l''imagerie PSMA et la vie après un cancer du testicule.'),
  ('congress', 2, 'nl', 'description', 'Drie dagen in San Francisco over prostaat-, blaas-, nier- en teelbalkanker.

De hoogtepunten die we volgden: **algemene overleving met adjuvant pembrolizumab** bij niercelcarcinoom, de nieuwe standaard in eerste lijn bij urotheelkanker, PSMA-beeldvorming en het leven na teelbalkanker.'),
  ('congress', 3, 'fr', 'description', 'Une couverture commune des deux grandes réunions d''oncologie gynécologique de mars 2024 : le congrès de l''ESGO à Barcelone (7–10 mars) et la réunion annuelle de la SGO sur les cancers de la femme à San Diego (16–18 mars).

Nous nous sommes concentrés sur les thèmes qui relient l''oncologie gynécologique aux cancers du sein et digestifs : **risque héréditaire**, inhibition de PARP et syndrome de Lynch.'),
  ('congress', 3, 'nl', 'description', 'Gezamenlijke verslaggeving van de twee grote bijeenkomsten over gynaecologische oncologie in maart 2024: het ESGO-congres in Barcelona (7–10 maart) en de SGO Annual Meeting on Women''s Cancer in San Diego (16–18 maart).

We richtten ons op de thema''s die gynaecologische oncologie verbinden met borst- en digestieve kankers: **erfelijk risico**, PARP-remming en het lynchsyndroom.'),
  ('congress', 4, 'fr', 'description', 'La réunion francophone annuelle d''hépato-gastroentérologie et d''oncologie digestive, au Palais des Congrès.

Nos interviews portent sur le **cancer colorectal MSI-high**, les parcours de dépistage colorectal et la surveillance du cancer du foie.'),
  ('congress', 4, 'nl', 'description', 'De jaarlijkse Franstalige bijeenkomst over gastro-enterologie, hepatologie en digestieve oncologie, in het Palais des Congrès.

Onze interviews gaan over **MSI-high colorectale kanker**, trajecten voor colorectale screening en de opvolging van leverkanker.'),
  ('congress', 5, 'fr', 'description', 'La plus grande réunion d''oncologie de l''année, au McCormick Place.

De l''édition 2024, nous rapportons le **cancer du poumon avec mutation EGFR** (LAURA et ADAURA), le cancer du sein HER2-low, le traitement adjuvant du cancer du rein et la transplantation hépatique pour métastases colorectales.'),
  ('congress', 5, 'nl', 'description', 'De grootste oncologiebijeenkomst van het jaar, in McCormick Place.

Van de editie 2024 brengen we verslag uit over **EGFR-gemuteerde longkanker** (LAURA en ADAURA), HER2-low borstkanker, adjuvante behandeling van nierkanker en levertransplantatie bij colorectale metastasen.'),
  ('congress', 6, 'fr', 'description', 'La réunion d''été de l''ESMO consacrée aux cancers digestifs.

Nous avons interrogé des experts sur les **inhibiteurs de checkpoint dans le cancer colorectal MSI-high**, l''immunothérapie périopératoire et le test claudine 18.2 dans le cancer gastrique, et la hausse du cancer colorectal à début précoce.'),
  ('congress', 6, 'nl', 'description', 'De zomerbijeenkomst van ESMO over digestieve kankers.

We spraken met experts over **checkpointremmers bij MSI-high colorectale kanker**, perioperatieve immunotherapie en claudine 18.2-testen bij maagkanker, en de toename van colorectale kanker op jonge leeftijd.'),
  ('congress', 7, 'fr', 'description', 'Le congrès phare de l''oncologie européenne.

Au programme : la **survie globale de KEYNOTE-522**, le durvalumab périopératoire dans le cancer de la vessie (NIAGARA), le traitement de consolidation du cancer du poumon de stade III et le cancer bronchique à petites cellules après ADRIATIC.'),
  ('congress', 7, 'nl', 'description', 'Het belangrijkste Europese oncologiecongres.

Onze verslaggeving omvat de **algemene overleving in KEYNOTE-522**, perioperatief durvalumab bij blaaskanker (NIAGARA), consolidatiebehandeling bij stadium III-longkanker en kleincellige longkanker na ADRIATIC.'),
  ('congress', 8, 'fr', 'description', 'Le symposium de San Antonio 2024, un an après les résultats d''ALEXANDRA/IMpassion030.

Nos interviews reviennent sur le **moment de l''immunothérapie dans le CSTN précoce**, la séquence des anticorps conjugués, la grossesse après un cancer du sein et l''évaluation gériatrique.'),
  ('congress', 8, 'nl', 'description', 'Het symposium van San Antonio 2024, een jaar na de resultaten van ALEXANDRA/IMpassion030.

Onze interviews komen terug op **het moment van immunotherapie bij vroege TNBC**, de volgorde van antilichaam-geneesmiddelconjugaten, zwangerschap na borstkanker en geriatrische evaluatie.'),
  ('congress', 9, 'fr', 'description', 'Le symposium de janvier consacré aux cancers digestifs.

Les sujets que nous avons couverts : **nivolumab plus ipilimumab versus nivolumab** dans le cancer colorectal MSI-high, le profilage moléculaire des cancers des voies biliaires, la première ligne du cancer du pancréas et le cancer colorectal avec amplification HER2.'),
  ('congress', 9, 'nl', 'description', 'Het januarisymposium over digestieve kankers.

Onderwerpen die we behandelden: **nivolumab plus ipilimumab versus nivolumab** bij MSI-high colorectale kanker, moleculaire profilering bij galwegkanker, eerstelijnsbehandeling van pancreaskanker en HER2-geamplificeerde colorectale kanker.'),
  ('congress', 10, 'fr', 'description', 'La réunion annuelle de la communauté des tumeurs neuroendocrines : endocrinologues, oncologues, chirurgiens, pathologistes et médecins nucléaires.

Nous rapportons la **radiothérapie interne vectorisée en première ligne**, les tumeurs de grade 3 face aux carcinomes, le syndrome carcinoïde et les carcinoïdes pulmonaires.'),
  ('congress', 10, 'nl', 'description', 'De jaarlijkse bijeenkomst van wie met neuro-endocriene tumoren werkt: endocrinologen, oncologen, chirurgen, pathologen en nucleair geneeskundigen.

We brengen verslag uit over **radioligandtherapie in eerste lijn**, graad 3-tumoren tegenover carcinomen, het carcinoïdsyndroom en longcarcinoïden.'),
  ('congress', 11, 'fr', 'description', 'La réunion européenne d''oncologie thoracique organisée par l''ESMO et l''IASLC.

Notre couverture : les **stratégies de première ligne dans les cancers EGFR**, trois ans d''osimertinib adjuvant au quotidien, la radiothérapie stéréotaxique de l''oligoprogression et le sevrage tabagique.'),
  ('congress', 11, 'nl', 'description', 'De Europese bijeenkomst over thoracale oncologie van ESMO en IASLC.

Onze verslaggeving: **eerstelijnsstrategieën bij EGFR**, drie jaar adjuvant osimertinib in het dagelijks leven, stereotactische radiotherapie bij oligoprogressie en rookstop.'),
  ('congress', 12, 'fr', 'description', 'Le congrès européen de dermato-oncologie.

Pour les oncologues hors dermatologie, les sessions les plus utiles portaient sur la **toxicité cutanée des traitements anticancéreux** : inhibiteurs de l''EGFR, enfortumab védotine et alopécie induite par la chimiothérapie.'),
  ('congress', 12, 'nl', 'description', 'Het Europese congres over dermato-oncologie.

Voor oncologen buiten de dermatologie waren de nuttigste sessies die over **huidtoxiciteit van kankerbehandelingen**: EGFR-remmers, enfortumab vedotin en alopecia door chemotherapie.'),
  ('congress', 13, 'fr', 'description', 'La réunion annuelle 2025 de l''ASCO à Chicago.

Nous couvrons le **changement d''hormonothérapie guidé par l''ADNtc**, l''immunothérapie périopératoire dans le cancer gastrique, la radiothérapie interne vectorisée dans le cancer de la prostate, les délais des biomarqueurs dans le cancer du poumon et l''accès aux nouveaux médicaments.'),
  ('congress', 13, 'nl', 'description', 'De ASCO Annual Meeting 2025 in Chicago.

We behandelen **het wisselen van hormoontherapie op basis van ctDNA**, perioperatieve immunotherapie bij maagkanker, radioligandtherapie bij prostaatkanker, de doorlooptijd van biomerkers bij longkanker en de toegang tot nieuwe geneesmiddelen.'),
  ('menu_item', 1, 'fr', 'label', 'Accueil'),
  ('menu_item', 1, 'nl', 'label', 'Home'),
  ('menu_item', 2, 'fr', 'label', 'Congrès'),
  ('menu_item', 2, 'nl', 'label', 'Congressen'),
  ('menu_item', 19, 'fr', 'label', 'Nouveautés'),
  ('menu_item', 19, 'nl', 'label', 'Nieuw'),
  ('menu_item', 20, 'fr', 'label', 'Cancer du sein'),
  ('menu_item', 20, 'nl', 'label', 'Borstkanker'),
  ('menu_item', 21, 'fr', 'label', 'Cancers digestifs'),
  ('menu_item', 21, 'nl', 'label', 'Digestieve kankers'),
  ('menu_item', 22, 'fr', 'label', 'Cancers urogénitaux'),
  ('menu_item', 22, 'nl', 'label', 'Urogenitale kankers'),
  ('menu_item', 23, 'fr', 'label', 'Cancer du poumon'),
  ('menu_item', 23, 'nl', 'label', 'Longkanker'),
  ('menu_item', 25, 'fr', 'label', 'Autres spécialités'),
  ('menu_item', 25, 'nl', 'label', 'Andere specialismen'),
  ('menu_item', 26, 'fr', 'label', 'Dermatologie'),
  ('menu_item', 27, 'fr', 'label', 'Hématologie'),
  ('menu_item', 27, 'nl', 'label', 'Hematologie'),
  ('menu_item', 28, 'fr', 'label', 'Créer un compte'),
  ('menu_item', 28, 'nl', 'label', 'Registreren'),
  ('menu_item', 29, 'fr', 'label', 'Se connecter'),
  ('menu_item', 29, 'nl', 'label', 'Aanmelden'),
  ('menu_item', 60, 'fr', 'label', 'Études'),
  ('menu_item', 60, 'nl', 'label', 'Studies'),
  ('site', 1, 'fr', 'tagline', 'Interviews d''experts et comptes rendus de congrès pour les professionnels de l''oncologie'),
  ('site', 1, 'nl', 'tagline', 'Interviews met experts en congresverslagen voor zorgverleners in de oncologie');
INSERT INTO name_translation (kind, item_id, lang, field, text)
SELECT 'tag', t.id, v.column2, 'name', v.column3 FROM tag t JOIN (VALUES
  ('immunotherapy', 'fr', 'Immunothérapie'),
  ('immunotherapy', 'nl', 'Immunotherapie'),
  ('neoadjuvant', 'fr', 'Néoadjuvant'),
  ('tnbc', 'fr', 'Triple négatif'),
  ('tnbc', 'nl', 'Triple-negatief'),
  ('hr-positive', 'fr', 'RH-positif'),
  ('hr-positive', 'nl', 'HR-positief'),
  ('biomarkers', 'fr', 'Biomarqueurs'),
  ('biomarkers', 'nl', 'Biomerkers'),
  ('ctdna', 'fr', 'ADNtc'),
  ('survivorship', 'fr', 'Après-cancer'),
  ('survivorship', 'nl', 'Leven na kanker'),
  ('supportive-care', 'fr', 'Soins de support'),
  ('supportive-care', 'nl', 'Ondersteunende zorg'),
  ('targeted-therapy', 'fr', 'Thérapies ciblées'),
  ('targeted-therapy', 'nl', 'Doelgerichte therapie'),
  ('colorectal-cancer', 'fr', 'Cancer colorectal'),
  ('colorectal-cancer', 'nl', 'Colorectale kanker'),
  ('gastric-cancer', 'fr', 'Cancer de l''estomac'),
  ('gastric-cancer', 'nl', 'Maagkanker'),
  ('pancreatic-cancer', 'fr', 'Cancer du pancréas'),
  ('pancreatic-cancer', 'nl', 'Pancreaskanker'),
  ('liver-cancer', 'fr', 'Cancer du foie'),
  ('liver-cancer', 'nl', 'Leverkanker'),
  ('neuroendocrine-tumours', 'fr', 'Tumeurs neuroendocrines'),
  ('neuroendocrine-tumours', 'nl', 'Neuro-endocriene tumoren'),
  ('prostate-cancer', 'fr', 'Cancer de la prostate'),
  ('prostate-cancer', 'nl', 'Prostaatkanker'),
  ('bladder-cancer', 'fr', 'Cancer de la vessie'),
  ('bladder-cancer', 'nl', 'Blaaskanker'),
  ('kidney-cancer', 'fr', 'Cancer du rein'),
  ('kidney-cancer', 'nl', 'Nierkanker'),
  ('radiotherapy', 'fr', 'Radiothérapie'),
  ('radiotherapy', 'nl', 'Radiotherapie'),
  ('surgery', 'fr', 'Chirurgie'),
  ('surgery', 'nl', 'Chirurgie'),
  ('hereditary-cancer', 'fr', 'Cancers héréditaires'),
  ('hereditary-cancer', 'nl', 'Erfelijke kanker'),
  ('geriatric-oncology', 'fr', 'Oncogériatrie'),
  ('geriatric-oncology', 'nl', 'Geriatrische oncologie'),
  ('radioligand-therapy', 'fr', 'Radiothérapie interne vectorisée'),
  ('radioligand-therapy', 'nl', 'Radioligandtherapie'),
  ('screening', 'fr', 'Dépistage'),
  ('health-equity', 'fr', 'Équité en santé'),
  ('health-equity', 'nl', 'Gelijke toegang tot zorg'),
  ('toxicity', 'fr', 'Toxicité'),
  ('toxicity', 'nl', 'Toxiciteit')
) v ON v.column1 = t.slug WHERE t.site_id = 1;
INSERT INTO name_translation (kind, item_id, lang, field, text)
SELECT 'page', id, 'fr', 'title', 'Nous contacter' FROM page WHERE site_id = 1 AND path = '/contact';
INSERT INTO name_translation (kind, item_id, lang, field, text)
SELECT 'page', id, 'fr', 'body', 'Une question sur un article, une correction à signaler, une idée d''interview ou une proposition de partenariat ? Utilisez le formulaire ci-dessous : notre rédaction vous répondra, en général dans les trois jours ouvrables.

Nous sommes une publication destinée aux professionnels de santé et **ne pouvons pas donner d''avis médical** sur un patient en particulier. Si vous avez besoin d''une aide médicale urgente, contactez votre médecin ou les services d''urgence (112).

Les informations que vous nous envoyez servent uniquement à répondre à votre message et sont conservées au maximum 12 mois ; voyez notre [politique de confidentialité](/privacy) pour plus de détails.
' FROM page WHERE site_id = 1 AND path = '/contact';
INSERT INTO name_translation (kind, item_id, lang, field, text)
SELECT 'page', id, 'nl', 'title', 'Contacteer ons' FROM page WHERE site_id = 1 AND path = '/contact';
INSERT INTO name_translation (kind, item_id, lang, field, text)
SELECT 'page', id, 'nl', 'body', 'Een vraag over een artikel, een correctie, een idee voor een interview of een voorstel tot samenwerking? Gebruik het formulier hieronder; onze redactie antwoordt u meestal binnen drie werkdagen.

Wij zijn een publicatie voor zorgverleners en kunnen **geen medisch advies** geven over individuele patiënten. Hebt u dringend medische hulp nodig, neem dan contact op met uw arts of met de hulpdiensten (112).

Wat u ons stuurt, gebruiken we alleen om uw bericht te beantwoorden en we bewaren het niet langer dan 12 maanden; meer daarover leest u in ons [privacybeleid](/privacy).
' FROM page WHERE site_id = 1 AND path = '/contact';
INSERT INTO name_translation (kind, item_id, lang, field, text)
SELECT 'page', id, 'fr', 'title', 'À propos de Plenary Oncology' FROM page WHERE site_id = 1 AND path = '/about';
INSERT INTO name_translation (kind, item_id, lang, field, text)
SELECT 'page', id, 'fr', 'body', '**Plenary Oncology** apporte les grands congrès d''oncologie aux cliniciens qui n''ont pas pu y assister. De l''ASCO et l''ESMO à San Antonio, en passant par les réunions spécialisées consacrées aux cancers digestifs, urogénitaux et thoraciques, nous publions de courtes interviews d''experts et des comptes rendus qui expliquent ce qui a été présenté et ce que cela peut changer pour votre pratique.

## À qui s''adresse le site

Plenary Oncology est écrit pour les **professionnels de santé** : oncologues médicaux et radiothérapeutes, chirurgiens, hématologues, pathologistes, infirmiers spécialisés, pharmaciens et médecins en formation. Certains contenus sont réservés aux membres inscrits ou aux professionnels de santé dont la qualité a été vérifiée, conformément aux règles qui encadrent l''information sur les médicaments soumis à prescription.

## Notre façon de travailler

- Chaque article est rattaché à un congrès et, le cas échéant, à l''étude dont il traite : vous pouvez ainsi suivre une étude depuis sa première présentation jusqu''aux discussions qui suivent.
- Chaque contenu donne ses références, avec les numéros d''abstract lorsqu''ils existent.
- Les interviews sont raccourcies et clarifiées, puis relues et approuvées par la personne interviewée avant publication.

## Indépendance éditoriale

Notre rédaction choisit les sujets, les experts et les questions. Certains programmes sont soutenus par des **bourses éducatives indépendantes** de sociétés pharmaceutiques et biotechnologiques. Ces soutiens sont nommés sur chaque article concerné, avec une déclaration d''intérêts, et n''ont aucune influence sur le choix des sujets, le contenu ou le texte final. Nous ne publions pas de matériel promotionnel.

## Le réseau Plenary

Plenary Oncology a des sites frères en **dermatologie** et en **hématologie**, construits sur les mêmes principes. Vous les trouverez sous *Autres spécialités* dans le menu.

## À propos de cette démonstration

Cette installation contient du contenu de démonstration. Les résultats d''études proviennent de présentations en congrès et de publications publiques, mais les experts interviewés, leurs études institutionnelles et les sponsors sont fictifs.
' FROM page WHERE site_id = 1 AND path = '/about';
INSERT INTO name_translation (kind, item_id, lang, field, text)
SELECT 'page', id, 'nl', 'title', 'Over Plenary Oncology' FROM page WHERE site_id = 1 AND path = '/about';
INSERT INTO name_translation (kind, item_id, lang, field, text)
SELECT 'page', id, 'nl', 'body', '**Plenary Oncology** brengt de grote oncologiecongressen naar clinici die er zelf niet bij konden zijn. Van ASCO en ESMO tot San Antonio en de gespecialiseerde bijeenkomsten over digestieve, urogenitale en thoracale kankers: we publiceren korte interviews met experts en verslagen die uitleggen wat er werd voorgesteld en wat het voor uw praktijk kan betekenen.

## Voor wie

Plenary Oncology is geschreven voor **zorgverleners**: medisch oncologen en radiotherapeut-oncologen, chirurgen, hematologen, pathologen, gespecialiseerde verpleegkundigen, apothekers en artsen in opleiding. Sommige inhoud is voorbehouden aan geregistreerde leden of aan zorgverleners van wie de hoedanigheid is nagegaan, volgens de regels voor informatie over geneesmiddelen op voorschrift.

## Hoe we werken

- Elk artikel hoort bij een congres en, waar dat kan, bij de studie waarover het gaat: zo volgt u een studie van de eerste voorstelling tot de discussies die erop volgen.
- Elk stuk vermeldt zijn referenties, met de abstractnummers waar die bestaan.
- Interviews worden ingekort en verduidelijkt, en voor publicatie nagelezen en goedgekeurd door de geïnterviewde.

## Redactionele onafhankelijkheid

Onze redactie kiest de onderwerpen, de experts en de vragen. Sommige programma''s worden gesteund met **onafhankelijke educatieve subsidies** van farmaceutische en biotechnologische bedrijven. Die steun wordt vermeld bij elk artikel waarop ze betrekking heeft, samen met een belangenverklaring, en heeft geen invloed op de keuze van de onderwerpen, de inhoud of de uiteindelijke tekst. We publiceren geen promotiemateriaal.

## Het Plenary-netwerk

Plenary Oncology heeft zustersites in de **dermatologie** en de **hematologie**, gebouwd op dezelfde principes. U vindt ze onder *Andere specialismen* in het menu.

## Over deze demonstratie

Deze installatie bevat demonstratie-inhoud. De studieresultaten komen uit openbare congrespresentaties en publicaties, maar de geïnterviewde experts, hun institutionele studies en de sponsors zijn fictief.
' FROM page WHERE site_id = 1 AND path = '/about';
INSERT INTO name_translation (kind, item_id, lang, field, text)
SELECT 'page', id, 'fr', 'title', 'Politique de confidentialité' FROM page WHERE site_id = 1 AND path = '/privacy';
INSERT INTO name_translation (kind, item_id, lang, field, text)
SELECT 'page', id, 'fr', 'body', 'Cette politique explique quelles données personnelles Plenary Oncology traite lorsque vous visitez le site ou nous écrivez, pourquoi nous le faisons et de quels droits vous disposez. Nous l''avons voulue courte, car nous collectons très peu de données.

## Responsable du traitement

Le responsable du traitement de vos données personnelles est **Plenary Medical Media**, éditeur des portails Plenary (Plenary Oncology, Plenary Dermatology et Plenary Hematology). Pour toute question sur cette politique, écrivez à privacy@plenary.example ou utilisez le [formulaire de contact](/contact).

## Ce que nous collectons

**Les messages envoyés par le formulaire de contact.** Lorsque vous nous écrivez, nous recevons votre nom, votre adresse e-mail, le sujet choisi et le texte de votre message. Nous ne demandons aucune information de santé et vous prions de ne pas en inclure.

**Un cookie de consentement.** Si vous faites un choix concernant les vidéos intégrées, votre navigateur enregistre un petit cookie appelé `plenary_consent`, afin que nous ne vous reposions pas la question sur chaque page. Il contient votre choix et rien d''autre. Voyez la section Cookies ci-dessous.

**Les journaux du serveur.** Comme tout serveur web, le nôtre enregistre des données techniques pour chaque requête : votre adresse IP, la date et l''heure, la page demandée, le statut de la réponse, la page d''origine et l''identifiant (user-agent) de votre navigateur.

Nous n''utilisons **pas** d''outils de mesure d''audience, de régies publicitaires, de pixels de suivi ni de modules de réseaux sociaux, et nous ne constituons pas de profils de nos lecteurs.

## Finalités et bases légales

- **Les messages du formulaire de contact** servent à répondre à votre question, demande de correction ou proposition. Base légale : notre intérêt légitime à répondre aux personnes qui nous écrivent (art. 6, § 1, f).
- **Le cookie de consentement** sert à retenir votre choix concernant les vidéos intégrées. Base légale : notre obligation de respecter votre choix et de pouvoir le démontrer (art. 6, § 1, c).
- **Les journaux du serveur** servent à garder le site sûr et disponible, à détecter les abus et à corriger les erreurs. Base légale : notre intérêt légitime à exploiter un service sécurisé (art. 6, § 1, f).
- **Les vidéos intégrées** hébergées sur YouTube ne sont affichées qu''avec votre consentement (art. 6, § 1, a), que vous pouvez retirer à tout moment.

## Durée de conservation

- Messages du formulaire de contact : au maximum **12 mois** après notre dernier échange, puis supprimés.
- Journaux du serveur : **14 jours**, puis supprimés.
- Cookie de consentement : **12 mois** dans votre navigateur, sauf si vous le supprimez avant.

## Destinataires

Notre hébergeur traite les données pour notre compte, dans le cadre d''un contrat de sous-traitance et au sein de l''Union européenne. Nous ne vendons ni ne louons de données personnelles. Nous ne les communiquons aux autorités que lorsque la loi nous y oblige.

## Vos droits

En vertu du Règlement général sur la protection des données, vous avez le droit :

- d''accéder aux données personnelles que nous détenons à votre sujet ;
- de faire rectifier des données inexactes ;
- de faire effacer vos données ;
- de limiter notre traitement ou de vous y opposer ;
- de recevoir vos données dans un format portable, le cas échéant ;
- de retirer votre consentement à tout moment, sans que cela affecte le traitement effectué avant ce retrait.

Pour exercer ces droits, écrivez à privacy@plenary.example. Nous répondons dans un délai d''un mois. Vous avez également le droit d''introduire une plainte auprès d''une autorité de contrôle de la protection des données, en Belgique l''Autorité de protection des données, ou dans le pays de l''UE où vous vivez ou travaillez.

## Cookies

Plenary Oncology dépose **un seul cookie**, strictement nécessaire :

- **`plenary_consent`** : enregistre votre choix concernant le chargement des vidéos intégrées. Cookie propre, conservé 12 mois. Strictement nécessaire.

Comme ce cookie ne fait qu''enregistrer votre propre choix, il ne requiert pas de consentement.

Certains articles contiennent des interviews vidéo hébergées sur **YouTube**. Les vidéos intégrées ne sont **chargées qu''après votre consentement**. D''ici là, nous affichons un espace réservé et aucune requête n''est envoyée à YouTube. Une fois que vous acceptez, la vidéo est chargée depuis YouTube (Google Ireland Limited), qui reçoit votre adresse IP et peut déposer ses propres cookies et traiter des données selon sa propre politique de confidentialité, y compris des transferts hors de l''Union européenne. Vous pouvez retirer votre consentement à tout moment en supprimant le cookie `plenary_consent` dans votre navigateur ; nous vous le redemanderons alors avant de charger une vidéo.

## Modifications de cette politique

Si nous ajoutons des fonctions qui traitent des données personnelles, comme des comptes d''utilisateur, nous mettrons cette politique à jour avant leur mise en ligne ; la date de la dernière mise à jour figure sur cette page.
' FROM page WHERE site_id = 1 AND path = '/privacy';
INSERT INTO name_translation (kind, item_id, lang, field, text)
SELECT 'page', id, 'nl', 'title', 'Privacybeleid' FROM page WHERE site_id = 1 AND path = '/privacy';
INSERT INTO name_translation (kind, item_id, lang, field, text)
SELECT 'page', id, 'nl', 'body', 'Dit beleid legt uit welke persoonsgegevens Plenary Oncology verwerkt wanneer u de site bezoekt of ons schrijft, waarom we dat doen en welke rechten u hebt. We hebben het kort gehouden, omdat we erg weinig gegevens verzamelen.

## Wie is verantwoordelijk

De verwerkingsverantwoordelijke voor uw persoonsgegevens is **Plenary Medical Media**, de uitgever van de Plenary-portalen (Plenary Oncology, Plenary Dermatology en Plenary Hematology). Met vragen over dit beleid kunt u terecht op privacy@plenary.example of via het [contactformulier](/contact).

## Wat we verzamelen

**Berichten via het contactformulier.** Wanneer u ons schrijft, ontvangen we uw naam, uw e-mailadres, het onderwerp dat u koos en de tekst van uw bericht. We vragen geen gezondheidsgegevens en vragen u die ook niet te vermelden.

**Een toestemmingscookie.** Maakt u een keuze over ingesloten video''s, dan bewaart uw browser een kleine cookie met de naam `plenary_consent`, zodat we het u niet op elke pagina opnieuw vragen. Die bevat uw keuze en niets anders. Zie het onderdeel Cookies hieronder.

**Serverlogs.** Zoals elke webserver registreert de onze bij elk verzoek technische gegevens: uw IP-adres, de datum en het tijdstip, de gevraagde pagina, de status van het antwoord, de verwijzende pagina en de user-agent van uw browser.

We gebruiken **geen** analysetools, advertentienetwerken, trackingpixels of plug-ins van sociale media, en we stellen geen profielen van onze lezers op.

## Waarvoor en op welke rechtsgrond

- **Berichten via het contactformulier** gebruiken we om uw vraag, correctieverzoek of voorstel te beantwoorden. Rechtsgrond: ons gerechtvaardigd belang om te antwoorden aan wie ons schrijft (art. 6, lid 1, f).
- **De toestemmingscookie** gebruiken we om uw keuze over ingesloten video''s te onthouden. Rechtsgrond: onze verplichting om uw keuze te respecteren en te kunnen aantonen (art. 6, lid 1, c).
- **Serverlogs** gebruiken we om de site veilig en beschikbaar te houden, misbruik op te sporen en fouten te herstellen. Rechtsgrond: ons gerechtvaardigd belang bij een veilige dienst (art. 6, lid 1, f).
- **Ingesloten video''s** die op YouTube staan, tonen we alleen met uw toestemming (art. 6, lid 1, a), die u op elk moment kunt intrekken.

## Hoe lang we bewaren

- Berichten via het contactformulier: tot **12 maanden** na ons laatste contact met u, daarna gewist.
- Serverlogs: **14 dagen**, daarna gewist.
- De toestemmingscookie: **12 maanden** in uw browser, tenzij u ze eerder verwijdert.

## Wie ze ontvangt

Onze hostingprovider verwerkt gegevens in onze opdracht, op basis van een verwerkersovereenkomst en binnen de Europese Unie. We verkopen of verhuren geen persoonsgegevens. We geven ze alleen door aan overheden wanneer de wet ons daartoe verplicht.

## Uw rechten

Volgens de Algemene Verordening Gegevensbescherming hebt u het recht om:

- de persoonsgegevens in te zien die we over u bewaren;
- onjuiste gegevens te laten verbeteren;
- uw gegevens te laten wissen;
- onze verwerking te laten beperken of er bezwaar tegen te maken;
- uw gegevens in een overdraagbaar formaat te ontvangen, waar dat van toepassing is;
- uw toestemming op elk moment in te trekken, zonder dat dit gevolgen heeft voor de verwerking van daarvoor.

Om deze rechten uit te oefenen, schrijft u naar privacy@plenary.example. We antwoorden binnen een maand. U hebt ook het recht om klacht in te dienen bij een toezichthoudende autoriteit voor gegevensbescherming, in België de Gegevensbeschermingsautoriteit, of in het EU-land waar u woont of werkt.

## Cookies

Plenary Oncology plaatst **één cookie**, en die is strikt noodzakelijk:

- **`plenary_consent`**: bewaart uw keuze over het laden van ingesloten video''s. Eigen cookie, 12 maanden bewaard. Strikt noodzakelijk.

Omdat deze cookie alleen uw eigen keuze vastlegt, is er geen toestemming voor nodig.

Sommige artikels bevatten video-interviews die op **YouTube** staan. Ingesloten video''s worden **pas geladen nadat u toestemming gaf**. Tot dan tonen we een tijdelijke afbeelding en wordt er niets naar YouTube gestuurd. Zodra u akkoord gaat, wordt de video geladen van YouTube (Google Ireland Limited), dat uw IP-adres ontvangt en eigen cookies kan plaatsen en gegevens kan verwerken volgens zijn eigen privacybeleid, ook met doorgiften buiten de Europese Unie. U kunt uw toestemming op elk moment intrekken door de cookie `plenary_consent` in uw browser te verwijderen; we vragen het u dan opnieuw voor we een video laden.

## Wijzigingen in dit beleid

Voegen we functies toe die persoonsgegevens verwerken, zoals gebruikersaccounts, dan passen we dit beleid aan voor ze online gaan; de datum van de laatste wijziging staat bij deze pagina.
' FROM page WHERE site_id = 1 AND path = '/privacy';

-- Demo articles were written when they were published: their timestamps follow.
UPDATE article SET created_at = published_at, updated_at = published_at;
-- The page prints the abstract number on its own; citations do not repeat it.
UPDATE reference SET citation = trim(replace(citation, 'Abstract ' || abstract_no || '.', ''))
WHERE abstract_no <> '';

-- synonyms (issue 16): the oncology site's search vocabulary: brand and generic names, abbreviations and
-- their words, British and American spellings. A reader who types one term finds articles with any of them.
INSERT INTO synonym_group (site_id, terms) VALUES
  (1, 'Keytruda, pembrolizumab, MK-3475'),
  (1, 'Opdivo, nivolumab'),
  (1, 'Yervoy, ipilimumab'),
  (1, 'Tecentriq, atezolizumab'),
  (1, 'Imfinzi, durvalumab'),
  (1, 'Libtayo, cemiplimab'),
  (1, 'Enhertu, trastuzumab deruxtecan, T-DXd, DS-8201'),
  (1, 'Kadcyla, trastuzumab emtansine, T-DM1'),
  (1, 'Herceptin, trastuzumab'),
  (1, 'Perjeta, pertuzumab'),
  (1, 'Trodelvy, sacituzumab govitecan'),
  (1, 'Datroway, datopotamab deruxtecan, Dato-DXd'),
  (1, 'Tagrisso, osimertinib'),
  (1, 'Alecensa, alectinib'),
  (1, 'Lorbrena, lorlatinib'),
  (1, 'Ibrance, palbociclib'),
  (1, 'Kisqali, ribociclib'),
  (1, 'Verzenio, abemaciclib'),
  (1, 'Lynparza, olaparib'),
  (1, 'Xtandi, enzalutamide'),
  (1, 'Zytiga, abiraterone'),
  (1, 'Nubeqa, darolutamide'),
  (1, 'Avastin, bevacizumab'),
  (1, 'Erbitux, cetuximab'),
  (1, 'Padcev, enfortumab vedotin'),
  (1, 'Lenvima, lenvatinib'),
  (1, 'Tukysa, tucatinib'),
  (1, 'Lumakras, sotorasib'),
  (1, 'TNBC, triple-negative breast cancer'),
  (1, 'NSCLC, non-small cell lung cancer'),
  (1, 'SCLC, small cell lung cancer'),
  (1, 'HCC, hepatocellular carcinoma'),
  (1, 'RCC, renal cell carcinoma'),
  (1, 'CRC, colorectal cancer'),
  (1, 'mCRPC, metastatic castration-resistant prostate cancer'),
  (1, 'ctDNA, circulating tumour DNA, circulating tumor DNA'),
  (1, 'ADC, antibody-drug conjugate'),
  (1, 'PFS, progression-free survival'),
  (1, 'pCR, pathological complete response'),
  (1, 'ICI, immune checkpoint inhibitor'),
  (1, 'PD-L1, programmed death-ligand 1'),
  (1, 'tumour, tumor'),
  (1, 'oesophageal, esophageal');

-- whatsnew (issue 18): each cancer type under the menu's "What's new" leads to its print-ready document's
-- index (by month and by congress).
INSERT INTO menu_item (id, site_id, parent_id, position, label, url)
SELECT 1000 + m.id, m.site_id, m.id, 0, 'Print-ready document', m.url || '/whats-new' FROM menu_item m
JOIN menu_item p ON p.id = m.parent_id WHERE p.label = 'What''s new' AND m.url LIKE '/section/%';

-- video (issue 19): the first interview's video with its chapters and transcript, as an editor writes them
-- in the back office (the YouTube video plays behind consent; the transcript is there for everyone who may
-- read the article, and search finds its words).
INSERT INTO article_video (article_id, duration_ms, chapters, transcript, transcript_plain, updated_at)
SELECT id, 412000,
'0:00 Why the trial was done
1:05 What it found
2:40 What changes in practice
',
'[0:00] Interviewer: Dr Marchetti, why was an adjuvant immunotherapy trial in triple-negative breast cancer needed?
[0:12] Dr Elodie Marchetti: Because patients who still have disease after surgery do worse, and immune checkpoint inhibitors had helped in the neoadjuvant setting. The question was whether adding atezolizumab after surgery, with chemotherapy, would lower the risk of recurrence.
[1:05] Interviewer: And what did ALEXANDRA/IMpassion030 show?
[1:10] Dr Elodie Marchetti: It did not show an improvement in invasive disease-free survival, and there was more toxicity with the combination. The trial was stopped for futility at an interim analysis.
[2:40] Interviewer: What does that mean for the clinic?
[2:45] Dr Elodie Marchetti: That adjuvant atezolizumab should not be given outside trials. For most patients with stage II–III disease, the way to use immunotherapy remains before surgery, as in KEYNOTE-522.
',
'Interviewer: Dr Marchetti, why was an adjuvant immunotherapy trial in triple-negative breast cancer needed?
Dr Elodie Marchetti: Because patients who still have disease after surgery do worse, and immune checkpoint inhibitors had helped in the neoadjuvant setting. The question was whether adding atezolizumab after surgery, with chemotherapy, would lower the risk of recurrence.
Interviewer: And what did ALEXANDRA/IMpassion030 show?
Dr Elodie Marchetti: It did not show an improvement in invasive disease-free survival, and there was more toxicity with the combination. The trial was stopped for futility at an interim analysis.
Interviewer: What does that mean for the clinic?
Dr Elodie Marchetti: That adjuvant atezolizumab should not be given outside trials. For most patients with stage II–III disease, the way to use immunotherapy remains before surgery, as in KEYNOTE-522.
', 0
FROM article WHERE slug = 'adjuvant-atezolizumab-in-stage-ii-iii-tnbc-what-alexandra-impassion030-tells-us';

-- translations (issue 20): French and Dutch versions of four key interviews, written for the demo. Each is a
-- member of its English original's family (family_id), with the original's people, references, sponsors and
-- topics, following the original's current revision (source_revision).
-- 1 fr: Atézolizumab adjuvant dans le CSTN de stade II–III : ce que montre ALEXANDRA/IMpassion030
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id,
  status, audience, video_url, published_at, created_at, updated_at, lang, family_id)
SELECT 78, site_id, 'atezolizumab-adjuvant-cstn-de-stade-ii-iii-ce-que-montre-alexandra-impassion030', 'Atézolizumab adjuvant dans le CSTN de stade II–III : ce que montre ALEXANDRA/IMpassion030', 'L''essai de phase 3 ALEXANDRA/IMpassion030 n''a montré aucun bénéfice en survie sans maladie invasive lorsque l''atézolizumab est ajouté à la chimiothérapie adjuvante après la chirurgie d''un cancer du sein triple négatif. La Dre Elodie Marchetti explique ce que ce résultat signifie pour la pratique.', 'La première session générale de San Antonio a apporté une réponse clairement négative à une question pour laquelle beaucoup d''entre nous espéraient une autre issue. ALEXANDRA/IMpassion030 cherchait à savoir si un inhibiteur de PD-L1 apporte un bénéfice aux femmes atteintes d''un cancer du sein triple négatif (CSTN) opérées d''emblée. Nous avons demandé à la Dre Elodie Marchetti de nous présenter l''étude.

## Le schéma de l''étude

**Qu''a testé l''essai, précisément ?**

Il s''agit d''une étude de phase 3 randomisée menée dans le CSTN opérable de stade II–III, avec chirurgie première. Après l''intervention, les patients ont reçu du paclitaxel hebdomadaire, suivi d''une anthracycline et de cyclophosphamide à dose dense, seuls ou associés à l''atézolizumab ; l''anticorps était ensuite poursuivi pour compléter une année de traitement. Environ 2 200 patients ont été inclus, et le critère d''évaluation principal était la survie sans maladie invasive (IDFS).

## Le résultat

**Le signal négatif est-il net ?**

Très net. Avec un suivi médian de 25 mois, le hazard ratio pour l''IDFS était de 1,12, numériquement en défaveur de l''association, et la limite de futilité prédéfinie a été franchie lors de l''analyse intermédiaire. Je n''ai vu aucun sous-groupe qui se démarque de façon convaincante du tableau d''ensemble.

**Et les données de tolérance ?**

Dans le bras atézolizumab, davantage de patients ont arrêté le traitement et ont présenté des événements indésirables d''origine immunitaire, comme on pouvait s''y attendre, mais aucun signal nouveau n''est apparu. Le problème n''est pas la toxicité ; c''est l''absence de bénéfice.

## Ce qui change dès lundi matin

- Un inhibiteur de point de contrôle immunitaire administré uniquement après la chirurgie ne doit pas être proposé en dehors d''un essai.
- Dans le CSTN de stade II–III, la chimio-immunothérapie néoadjuvante reste l''approche fondée sur les preuves.
- Le contraste avec les données en situation néoadjuvante est désormais la question scientifique la plus intéressante du domaine.
', kind, section_id, congress_id, trial_id, status,
  audience, video_url, published_at + 3600, created_at, updated_at, 'fr', id FROM article WHERE id = 1;

-- 1 nl: Adjuvant atezolizumab bij TNBC stadium II–III: wat ALEXANDRA/IMpassion030 ons leert
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id,
  status, audience, video_url, published_at, created_at, updated_at, lang, family_id)
SELECT 79, site_id, 'adjuvant-atezolizumab-tnbc-stadium-ii-iii-wat-alexandra-impassion030-ons-leert', 'Adjuvant atezolizumab bij TNBC stadium II–III: wat ALEXANDRA/IMpassion030 ons leert', 'In de fase 3-studie ALEXANDRA/IMpassion030 leverde de toevoeging van atezolizumab aan adjuvante chemotherapie na chirurgie voor triple-negatieve borstkanker geen winst op in invasieve ziektevrije overleving. Dr. Elodie Marchetti licht toe wat dit resultaat betekent voor de praktijk.', 'De eerste algemene sessie in San Antonio bracht een duidelijk negatief antwoord op een vraag waarvan velen onder ons hoopten dat ze anders zou uitvallen. ALEXANDRA/IMpassion030 onderzocht of een PD-L1-remmer zinvol is voor vrouwen met triple-negatieve borstkanker (TNBC) die meteen geopereerd worden. We vroegen dr. Elodie Marchetti om de studie met ons te overlopen.

## De opzet

**Wat werd er precies getest?**

Het gaat om een gerandomiseerde fase 3-studie bij operabele TNBC stadium II–III, met chirurgie als eerste stap. Na de operatie kregen de patiënten wekelijks paclitaxel, gevolgd door dosisdense antracycline en cyclofosfamide, alleen of in combinatie met atezolizumab; het antilichaam werd daarna voortgezet tot een volledig jaar behandeling. Er werden ongeveer 2.200 patiënten geïncludeerd en het primaire eindpunt was de invasieve ziektevrije overleving (IDFS).

## Het resultaat

**Hoe duidelijk is het negatieve signaal?**

Heel duidelijk. Bij een mediane follow-up van 25 maanden bedroeg de hazard ratio voor IDFS 1,12, numeriek in het nadeel van de combinatie, en bij de interimanalyse werd de vooraf vastgelegde futiliteitsgrens overschreden. Ik heb geen enkele subgroep gezien die overtuigend afweek van het globale beeld.

**En de veiligheidsgegevens?**

In de atezolizumab-arm stopten meer patiënten met de behandeling en traden meer immuungerelateerde bijwerkingen op, zoals te verwachten was, maar er kwam niets nieuws naar voren. Het probleem is niet de toxiciteit, maar het ontbreken van winst.

## Wat er maandagochtend verandert

- Een immuuncheckpointremmer die alleen na de operatie wordt gegeven, mag buiten studieverband niet worden aangeboden.
- Bij TNBC stadium II–III blijft neoadjuvante chemo-immunotherapie de evidence-based aanpak.
- Het contrast met de neoadjuvante gegevens is nu de boeiendste wetenschappelijke vraag in het domein.
', kind, section_id, congress_id, trial_id, status,
  audience, video_url, published_at + 7200, created_at, updated_at, 'nl', id FROM article WHERE id = 1;

-- 5 fr: Enfortumab védotine plus pembrolizumab : un nouveau standard de première ligne dans le cancer urothélial
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id,
  status, audience, video_url, published_at, created_at, updated_at, lang, family_id)
SELECT 80, site_id, 'enfortumab-vedotine-pembrolizumab-standard-de-premiere-ligne-cancer-urothelial', 'Enfortumab védotine plus pembrolizumab : un nouveau standard de première ligne dans le cancer urothélial', 'EV-302 a presque doublé la survie sans progression et la survie globale par rapport à la chimiothérapie à base de platine. À l''ASCO GU 2024, le Dr Daniel Achterberg a expliqué à quel point la pratique évolue rapidement.', 'La chimiothérapie à base de platine constituait le socle du traitement de première ligne du cancer urothélial avancé depuis les années 1980. EV-302, présenté pour la première fois à Madrid quelques mois plus tôt, a de nouveau été discuté en détail à San Francisco. Le Dr Daniel Achterberg nous a livré son point de vue.

**Quelle est l''ampleur du bénéfice ?**

La survie globale médiane était d''environ 31 mois avec l''enfortumab védotine plus pembrolizumab, contre environ 16 mois avec la chimiothérapie. La survie sans progression a, elle aussi, été doublée dans des proportions comparables. Ce sont des chiffres remarquables dans cette maladie.

**Le bénéfice se maintient-il dans les sous-groupes ?**

Oui : chez les patients éligibles comme non éligibles au cisplatine, avec ou sans métastases viscérales, et quelle que soit l''expression de PD-L1. Cette cohérence est l''une des raisons pour lesquelles l''association est désormais l''option de première ligne privilégiée.

## Ce qui change en pratique clinique

- Moins de patients recevront un sel de platine en première ligne, si bien que la place de l''avélumab en maintenance se réduit.
- Les altérations de FGFR3 doivent toujours être recherchées, car l''erdafitinib reste une option dans les lignes ultérieures.
- Les équipes doivent apprendre à prendre en charge les toxicités de l''enfortumab, qui diffèrent de celles de la chimiothérapie.

**Qu''exige le traitement de la part des patients ?**

Des perfusions aux jours 1 et 8 de chaque cycle de trois semaines, une surveillance attentive de la peau, des nerfs et de la glycémie, et un contact étroit avec l''équipe. Beaucoup de patients obtiennent des réponses durables, si bien que la question du moment où arrêter l''enfortumab va devenir pressante.

**Le coût est-il un frein ?**

Dans plusieurs pays européens, le remboursement est encore en cours de négociation. D''ici là, l''accès restera inégal, ce qui est frustrant face à des données de survie aussi solides.
', kind, section_id, congress_id, trial_id, status,
  audience, video_url, published_at + 3600, created_at, updated_at, 'fr', id FROM article WHERE id = 5;

-- 5 nl: Enfortumab vedotin plus pembrolizumab: een nieuwe eerstelijnsstandaard bij urotheelcarcinoom
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id,
  status, audience, video_url, published_at, created_at, updated_at, lang, family_id)
SELECT 81, site_id, 'enfortumab-vedotin-pembrolizumab-nieuwe-eerstelijnsstandaard-urotheelcarcinoom', 'Enfortumab vedotin plus pembrolizumab: een nieuwe eerstelijnsstandaard bij urotheelcarcinoom', 'In EV-302 werden zowel de progressievrije overleving als de totale overleving bijna verdubbeld ten opzichte van platinumgebaseerde chemotherapie. Op ASCO GU 2024 besprak dr. Daniel Achterberg hoe snel de praktijk verandert.', 'Platinumgebaseerde chemotherapie vormde sinds de jaren 1980 de ruggengraat van de eerstelijnsbehandeling van gevorderd urotheelcarcinoom. EV-302, dat enkele maanden eerder voor het eerst in Madrid werd voorgesteld, kwam in San Francisco opnieuw uitgebreid aan bod. Dr. Daniel Achterberg gaf ons zijn visie.

**Hoe groot is de winst?**

De mediane totale overleving bedroeg ongeveer 31 maanden met enfortumab vedotin plus pembrolizumab en ongeveer 16 maanden met chemotherapie. Ook de progressievrije overleving werd in vergelijkbare mate verdubbeld. Dat zijn opmerkelijke cijfers voor deze aandoening.

**Blijft de winst overeind in alle subgroepen?**

Ja: bij patiënten die wel en niet in aanmerking kwamen voor cisplatine, met en zonder viscerale metastasen, en ongeacht de PD-L1-expressie. Die consistentie is een van de redenen waarom de combinatie nu de voorkeursoptie in eerste lijn is.

## Wat er verandert in de kliniek

- Minder patiënten zullen in eerste lijn platinum krijgen, waardoor de rol van onderhoudsbehandeling met avelumab kleiner wordt.
- Er moet nog steeds op FGFR3-alteraties worden getest, aangezien erdafitinib een optie blijft in latere lijnen.
- Teams moeten leren omgaan met de toxiciteit van enfortumab, die verschilt van die van chemotherapie.

**Wat vraagt de behandeling van de patiënten?**

Infusen op dag 1 en 8 van elke cyclus van drie weken, nauwgezette opvolging van huid, zenuwen en glykemie, en nauw contact met het team. Veel patiënten hebben langdurige responsen, waardoor de vraag wanneer men met enfortumab kan stoppen steeds dringender wordt.

**Vormt de kostprijs een drempel?**

In verschillende Europese landen wordt nog over de terugbetaling onderhandeld. Tot dan blijft de toegang ongelijk, wat frustrerend is bij zulke sterke overlevingsgegevens.
', kind, section_id, congress_id, trial_id, status,
  audience, video_url, published_at + 7200, created_at, updated_at, 'nl', id FROM article WHERE id = 5;

-- 17 fr: HER2-low après DESTINY-Breast04 : comment pathologistes et oncologues s'adaptent
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id,
  status, audience, video_url, published_at, created_at, updated_at, lang, family_id)
SELECT 82, site_id, 'her2-low-apres-destiny-breast04-comment-pathologistes-et-oncologues-s-adaptent', 'HER2-low après DESTINY-Breast04 : comment pathologistes et oncologues s''adaptent', 'Deux ans après que DESTINY-Breast04 a fait du HER2-low une catégorie thérapeutique à part entière, la Dre Marisol Quintero évoque la reproductibilité du score, la répétition du test et l''évolution vers le HER2-ultralow.', 'L''immunohistochimie HER2 a été conçue pour identifier les tumeurs amplifiées, pas pour distinguer un score 0 d''un score 1+. DESTINY-Breast04 a changé la donne du jour au lendemain. La Dre Marisol Quintero a présenté à l''ASCO des données sur la concordance du score et nous a expliqué comment son centre s''est adapté.

## Un essai qui a réécrit le compte rendu d''anatomie pathologique

**Qu''a établi DESTINY-Breast04 ?**

Chez les patients atteints d''un cancer du sein métastatique HER2-low déjà traités par une ou deux lignes de chimiothérapie, le trastuzumab déruxtécan a environ doublé la survie sans progression par rapport à la chimiothérapie et amélioré la survie globale, tant dans la cohorte avec récepteurs hormonaux positifs que dans l''ensemble de la population.

**La distinction entre 0 et 1+ est-elle fiable ?**

Moins que nous le souhaiterions. Dans notre étude, la concordance entre pathologistes s''est nettement améliorée après une formation ciblée sur des images de référence, mais des désaccords persistaient dans une minorité non négligeable de cas proches du seuil.

## Ce que nous avons changé localement

- Les comptes rendus mentionnent désormais explicitement HER2 0, ultralow ou low, plutôt que simplement « négatif ».
- Les cas limites sont relus par un second pathologiste.
- Si la tumeur primitive était HER2 0, nous refaisons le test sur une biopsie métastatique ou un échantillon archivé avant d''exclure un patient.

**Vers quoi se dirige-t-on ?**

Les données dans la maladie HER2-ultralow suggèrent que le médicament est actif sur tout un continuum de faible expression. Nous nous dirigeons peut-être vers un monde où la question utile sera simplement de savoir si la tumeur exprime du HER2, quel qu''en soit le niveau.
', kind, section_id, congress_id, trial_id, status,
  audience, video_url, published_at + 3600, created_at, updated_at, 'fr', id FROM article WHERE id = 17;

-- 17 nl: HER2-low na DESTINY-Breast04: hoe pathologie en oncologie zich aanpassen
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id,
  status, audience, video_url, published_at, created_at, updated_at, lang, family_id)
SELECT 83, site_id, 'her2-low-na-destiny-breast04-hoe-pathologie-en-oncologie-zich-aanpassen', 'HER2-low na DESTINY-Breast04: hoe pathologie en oncologie zich aanpassen', 'Twee jaar nadat DESTINY-Breast04 van HER2-low een behandelbare categorie maakte, bespreekt dr. Marisol Quintero de reproduceerbaarheid van de scoring, het hertesten en de evolutie naar HER2-ultralow.', 'HER2-immunohistochemie werd ontwikkeld om geamplificeerde tumoren op te sporen, niet om een score 0 van een score 1+ te onderscheiden. DESTINY-Breast04 veranderde dat van de ene dag op de andere. Dr. Marisol Quintero stelde op ASCO gegevens voor over de overeenstemming bij de scoring en vertelde ons hoe haar centrum zich heeft aangepast.

## Een studie die het pathologieverslag herschreef

**Wat heeft DESTINY-Breast04 aangetoond?**

Bij patiënten met HER2-low gemetastaseerde borstkanker die eerder één of twee lijnen chemotherapie hadden gekregen, verdubbelde trastuzumab deruxtecan ongeveer de progressievrije overleving ten opzichte van chemotherapie en verbeterde het de totale overleving, zowel in de hormoonreceptorpositieve cohorte als in de volledige populatie.

**Is het onderscheid tussen 0 en 1+ betrouwbaar?**

Minder dan we zouden willen. In onze studie verbeterde de overeenstemming tussen pathologen aanzienlijk na een gerichte opleiding met referentiebeelden, maar in een relevante minderheid van de gevallen dicht bij de drempel bleven de meningen verschillen.

## Wat we lokaal hebben veranderd

- Verslagen vermelden nu expliciet HER2 0, ultralow of low in plaats van gewoon "negatief".
- Twijfelgevallen worden door een tweede patholoog herbekeken.
- Als de primaire tumor HER2 0 was, hertesten we een biopsie van een metastase of een archiefstaal voordat we een patiënt uitsluiten.

**Waar gaat dit naartoe?**

Gegevens bij HER2-ultralow ziekte wijzen erop dat het geneesmiddel werkzaam is over een continuüm van lage expressie. Mogelijk evolueren we naar een situatie waarin de relevante vraag is of er überhaupt HER2 aanwezig is.
', kind, section_id, congress_id, trial_id, status,
  audience, video_url, published_at + 7200, created_at, updated_at, 'nl', id FROM article WHERE id = 17;

-- 18 fr: Osimertinib après radiochimiothérapie : LAURA redéfinit la prise en charge du CBNPC de stade III EGFR muté
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id,
  status, audience, video_url, published_at, created_at, updated_at, lang, family_id)
SELECT 84, site_id, 'osimertinib-apres-radiochimiotherapie-laura-redefinit-cbnpc-stade-iii-egfr-mute', 'Osimertinib après radiochimiothérapie : LAURA redéfinit la prise en charge du CBNPC de stade III EGFR muté', 'Lors de la séance plénière de l''ASCO 2024, LAURA a montré un bénéfice spectaculaire en survie sans progression avec l''osimertinib après radiochimiothérapie dans le cancer bronchique de stade III non résécable avec mutation d''EGFR. Un radiothérapeute-oncologue et un oncologue médical commentent le résultat.', 'La consolidation par durvalumab après radiochimiothérapie est le standard dans le cancer bronchique non à petites cellules (CBNPC) de stade III non résécable, mais les patients porteurs d''une mutation d''EGFR semblaient en tirer peu de bénéfice. LAURA a testé l''osimertinib à sa place. Nous avons interrogé les Drs Ravi Kapadia et Li-Ting Haw après la séance plénière.

**Dr Haw, quelle était l''ampleur de l''effet ?**

*Haw :* La survie sans progression médiane était de 39,1 mois sous osimertinib contre 5,6 mois sous placebo, soit un hazard ratio de 0,16. Je ne me souviens pas d''un effet plus important dans un essai randomisé sur le cancer du poumon. Le bras placebo montre aussi à quelle vitesse ces tumeurs récidivent après une radiochimiothérapie seule.

**La survie globale n''est pas encore mature. Cela vous inquiète-t-il ?**

*Haw :* Un peu. La plupart des patients du bras placebo ont reçu l''osimertinib à la progression, si bien que la survie pourrait ne jamais différer fortement. Mais retarder la progression, y compris l''apparition de métastases cérébrales, compte en soi pour les patients.

**Dr Kapadia, qu''est-ce que cela signifie pour la radiothérapie ?**

*Kapadia :* La radiochimiothérapie reste le socle ; LAURA ne l''a pas remise en question. Mais la pneumopathie radique était plus fréquente sous osimertinib, le plus souvent de bas grade ; nous devons donc suivre étroitement les patients au cours des premiers mois et être prudents avec les contraintes de dose pulmonaire.

## Conséquences pratiques

- La recherche de mutation d''EGFR doit être finalisée avant ou pendant la radiochimiothérapie dans les formes non épidermoïdes de stade III.
- Les patients porteurs d''une mutation d''EGFR ne doivent pas recevoir par défaut une consolidation par durvalumab.
- Le traitement se poursuit jusqu''à progression, ce qui soulève des questions de coût et de toxicité à long terme.

*Kapadia :* Le plus grand changement est organisationnel : les résultats moléculaires doivent désormais être disponibles dans un parcours à visée curative, et pas seulement au stade avancé.
', kind, section_id, congress_id, trial_id, status,
  audience, video_url, published_at + 3600, created_at, updated_at, 'fr', id FROM article WHERE id = 18;

-- 18 nl: Osimertinib na chemoradiotherapie: LAURA herdefinieert EGFR-gemuteerd NSCLC stadium III
INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, congress_id, trial_id,
  status, audience, video_url, published_at, created_at, updated_at, lang, family_id)
SELECT 85, site_id, 'osimertinib-na-chemoradiotherapie-laura-egfr-gemuteerd-nsclc-stadium-iii', 'Osimertinib na chemoradiotherapie: LAURA herdefinieert EGFR-gemuteerd NSCLC stadium III', 'In de plenaire sessie van ASCO 2024 toonde LAURA een spectaculaire winst in progressievrije overleving met osimertinib na chemoradiotherapie bij niet-reseceerbare EGFR-gemuteerde longkanker stadium III. Een radiotherapeut-oncoloog en een medisch oncoloog bespreken het resultaat.', 'Consolidatie met durvalumab na chemoradiotherapie is de standaard bij niet-reseceerbaar niet-kleincellig longcarcinoom (NSCLC) stadium III, maar patiënten met een EGFR-mutatie leken er weinig baat bij te hebben. LAURA testte in de plaats daarvan osimertinib. We spraken na de plenaire sessie met dr. Ravi Kapadia en dr. Li-Ting Haw.

**Dr. Haw, hoe groot was het effect?**

*Haw:* De mediane progressievrije overleving bedroeg 39,1 maanden met osimertinib tegenover 5,6 maanden met placebo, een hazard ratio van 0,16. Ik kan me geen groter effect herinneren in een gerandomiseerde longkankerstudie. De placebo-arm toont ook hoe snel deze tumoren na chemoradiotherapie alleen recidiveren.

**De totale overleving is nog niet matuur. Baart u dat zorgen?**

*Haw:* Een beetje. De meeste patiënten in de placebo-arm kregen osimertinib bij progressie, dus de overleving zal misschien nooit sterk verschillen. Maar het uitstellen van progressie, ook van hersenmetastasen, is op zich al belangrijk voor patiënten.

**Dr. Kapadia, wat betekent dit voor de radiotherapie?**

*Kapadia:* Chemoradiotherapie blijft de basis; LAURA heeft dat niet in vraag gesteld. Maar radiatiepneumonitis kwam vaker voor met osimertinib, meestal van lage graad, dus we moeten patiënten in de eerste maanden nauwgezet opvolgen en voorzichtig zijn met de dosisbeperkingen voor de long.

## Praktische gevolgen

- De EGFR-bepaling moet afgerond zijn vóór of tijdens de chemoradiotherapie bij niet-plaveiselcellige ziekte stadium III.
- Patiënten met een EGFR-mutatie mogen niet standaard consolidatie met durvalumab krijgen.
- De behandeling loopt door tot progressie, wat vragen oproept over kostprijs en toxiciteit op lange termijn.

*Kapadia:* De grootste verandering is organisatorisch: moleculaire resultaten moeten nu beschikbaar zijn binnen een curatief traject, niet alleen bij gevorderde ziekte.
', kind, section_id, congress_id, trial_id, status,
  audience, video_url, published_at + 7200, created_at, updated_at, 'nl', id FROM article WHERE id = 18;
INSERT INTO article_person (article_id, person_id, role, position)
  SELECT t.id, p.person_id, p.role, p.position FROM article t JOIN article_person p ON p.article_id = t.family_id;
INSERT INTO reference (article_id, position, citation, abstract_no, url)
  SELECT t.id, r.position, r.citation, r.abstract_no, r.url FROM article t JOIN reference r ON r.article_id = t.family_id;
INSERT INTO article_sponsor (article_id, sponsor_id)
  SELECT t.id, s.sponsor_id FROM article t JOIN article_sponsor s ON s.article_id = t.family_id;
INSERT INTO article_tag (article_id, tag_id)
  SELECT t.id, g.tag_id FROM article t JOIN article_tag g ON g.article_id = t.family_id;
-- the first interview's translations play its video, with its chapters and its transcript in English (spoken)
INSERT INTO article_video (article_id, file_id, duration_ms, poster_id, chapters, transcript, transcript_plain,
  recorded_at, updated_at)
  SELECT t.id, v.file_id, v.duration_ms, v.poster_id, v.chapters, v.transcript, v.transcript_plain, v.recorded_at,
  v.updated_at FROM article t JOIN article_video v ON v.article_id = t.family_id;
INSERT INTO video_caption (article_id, lang, label, vtt, updated_at)
  SELECT t.id, c.lang, c.label, c.vtt, c.updated_at FROM article t JOIN video_caption c ON c.article_id = t.family_id;
UPDATE article SET created_at = published_at, updated_at = published_at,
  source_revision = (SELECT o.revision_no FROM article o WHERE o.id = article.family_id)
WHERE family_id IS NOT NULL;
INSERT INTO revision (article_id, created_at, title, summary, body)
  SELECT id, created_at, title, summary, body FROM article WHERE family_id IS NOT NULL ORDER BY id;
