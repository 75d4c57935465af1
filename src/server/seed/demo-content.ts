// Invented workflow content for the demo: terms of reference, work plans and
// proposals around the real centres. Only the workflow is invented; the
// centres themselves come from the 2022 export.
import type { Eligibility } from "@/domain/eligibility";
import { eligibilityCriteria } from "@/domain/eligibility";

export type DemoActivity = {
  tor: number; // index into the ToR list
  title: string;
  activityType: string;
  description: string;
  deliverables: string;
  timeframe: string;
  responsiblePerson: string;
};

export type DemoWorkPlan = { tor: string[]; activities: DemoActivity[] };

export const nor18WorkPlan: DemoWorkPlan = {
  tor: [
    "To support WHO in developing guidance on the evaluation of digital health interventions.",
    "To assist WHO in building capacity for telemedicine in primary care in the European Region.",
    "To contribute to WHO's work on interoperability standards for health information exchange.",
  ],
  activities: [
    {
      tor: 0,
      title: "Evaluation framework for digital health interventions",
      activityType: "Product development (guidelines, manual, methodologies, etc.)",
      description:
        "Draft and pilot a framework that Member States can use to evaluate telemedicine services.",
      deliverables: "Framework document; pilot report from two countries",
      timeframe: "Years 1-2",
      responsiblePerson: "Head of research",
    },
    {
      tor: 1,
      title: "Telemedicine training for primary-care teams",
      activityType: "Training and education",
      description: "Online course on safe video consultations for primary-care teams, run with WHO/Europe.",
      deliverables: "Course materials; four cohorts trained",
      timeframe: "Years 1-4",
      responsiblePerson: "Education lead",
    },
    {
      tor: 1,
      title: "Country support on national telemedicine plans",
      activityType: "Support WHO in the implementation of WHO programmes and activities at country level",
      description: "Technical missions to support two countries in drafting national telemedicine plans.",
      deliverables: "Mission reports; national plan drafts",
      timeframe: "Years 2-3",
      responsiblePerson: "Senior adviser",
    },
    {
      tor: 2,
      title: "Advice on interoperability standards",
      activityType: "Providing technical advice to WHO",
      description: "Review WHO's draft guidance on health information exchange standards.",
      deliverables: "Written comments; expert meeting participation",
      timeframe: "Years 1-4",
      responsiblePerson: "Standards architect",
    },
  ],
};

/**
 * NOR-18's host institution, as its public description names it. WHO's 2022
 * list has no institution column; the demo records this one so that
 * searching the institution's name finds the centre (issue #12).
 */
export const nor18Institution = {
  name: "Norwegian Centre for E-health Research",
  city: "Tromsø",
  website: "https://ehealthresearch.no",
};

/** A plausible small work plan for a centre, derived from its title. */
export function genericWorkPlan(title: string): DemoWorkPlan {
  const topic = title.replace(/^WHO Collaborating Cent(re|er)\s+(for|on|in)\s+/i, "").replace(/\.$/, "");
  return {
    tor: [`To support WHO in research on ${topic}.`, `To assist WHO in training health workers in ${topic}.`],
    activities: [
      {
        tor: 0,
        title: `Joint research programme on ${topic}`,
        activityType: "Research",
        description: `Studies agreed with WHO on priority questions in ${topic}.`,
        deliverables: "Two peer-reviewed publications; a technical brief for WHO",
        timeframe: "Years 1-4",
        responsiblePerson: "Principal investigator",
      },
      {
        tor: 1,
        title: "Regional training course",
        activityType: "Training and education",
        description: "A yearly course for health workers from the region, with WHO's curriculum.",
        deliverables: "Course run yearly; evaluation report",
        timeframe: "Yearly",
        responsiblePerson: "Training coordinator",
      },
    ],
  };
}

/**
 * The work plan a redesignation proposes for the next term: the first ToR
 * item kept, the second reworded, a third added with its own activity, and
 * the research activity's deliverables changed (a realistic version 2).
 */
export function renewedWorkPlan(plan: DemoWorkPlan): DemoWorkPlan {
  const [first, second] = plan.tor;
  return {
    tor: [
      first ?? "To support WHO in research.",
      (second ?? "To assist WHO in training health workers.").replace(
        /^To assist WHO in training health workers/,
        "To assist WHO in training and mentoring health workers",
      ),
      "To contribute to WHO's guidance with systematic reviews of the evidence.",
    ],
    activities: [
      ...plan.activities.map((activity, index) =>
        index === 0
          ? { ...activity, deliverables: "Three peer-reviewed publications; a policy brief for WHO" }
          : activity,
      ),
      {
        tor: 2,
        title: "Evidence reviews for WHO guidelines",
        activityType: "Product development (guidelines, manual, methodologies, etc.)",
        description: "Systematic reviews commissioned by WHO's guideline development groups.",
        deliverables: "Two systematic reviews",
        timeframe: "Years 1-3",
        responsiblePerson: "Review methodologist",
      },
    ],
  };
}

export function demoEligibility(institution: string): Eligibility {
  return Object.fromEntries(
    eligibilityCriteria.map((criterion) => [
      criterion.key,
      {
        met: true,
        justification: `${criterion.label}: documented for ${institution} during the joint work.`,
      },
    ]),
  ) as Eligibility;
}

export type DemoProposal = {
  state:
    | "DRAFT"
    | "WITH_INSTITUTION"
    | "SUBMITTED"
    | "TECHNICAL_CLEARANCE"
    | "REGIONAL_REVIEW"
    | "GOVERNMENT_CONSULTATION"
    | "APPROVAL"
    | "WITHDRAWN"
    | "REJECTED";
  countryCode: string;
  title: string;
  institution: string;
  department: string;
  city: string;
  proposer: "officer" | "unitHead";
  unitCode: string;
  initiator: "HQ" | "EURO" | "AFRO";
  daysInState: number;
  closedReason?: string;
};

// One first designation in every non-final state, plus a withdrawn and a
// rejected one, so that every worklist has something in it.
export const demoProposals: DemoProposal[] = [
  {
    state: "DRAFT",
    countryCode: "NOR",
    title: "WHO Collaborating Centre for Health Data Governance",
    institution: "Norwegian Institute of Public Health",
    department: "Division of Health Data and Digitalisation",
    city: "Oslo",
    proposer: "officer",
    unitCode: "DHI",
    initiator: "EURO",
    daysInState: 3,
  },
  {
    state: "WITH_INSTITUTION",
    countryCode: "DEN",
    title: "WHO Collaborating Centre for Digital Health Literacy",
    institution: "University of Southern Denmark",
    department: "Department of Public Health",
    city: "Odense",
    proposer: "officer",
    unitCode: "DHI",
    initiator: "EURO",
    daysInState: 12,
  },
  {
    state: "SUBMITTED",
    countryCode: "SOA",
    title: "WHO Collaborating Centre for Community Health Worker Training",
    institution: "University of Cape Town",
    department: "School of Public Health",
    city: "Cape Town",
    proposer: "unitHead",
    unitCode: "HWF",
    initiator: "AFRO",
    daysInState: 6,
  },
  {
    state: "TECHNICAL_CLEARANCE",
    countryCode: "SWE",
    title: "WHO Collaborating Centre for Telehealth in Remote Areas",
    institution: "Umeå University",
    department: "Department of Nursing",
    city: "Umeå",
    proposer: "officer",
    unitCode: "DHI",
    initiator: "EURO",
    daysInState: 9,
  },
  {
    state: "REGIONAL_REVIEW",
    countryCode: "FIN",
    title: "WHO Collaborating Centre for Health Information Systems",
    institution: "Finnish Institute for Health and Welfare",
    department: "Information Services Department",
    city: "Helsinki",
    proposer: "officer",
    unitCode: "DHI",
    initiator: "EURO",
    daysInState: 15,
  },
  {
    state: "GOVERNMENT_CONSULTATION",
    countryCode: "NIE",
    title: "WHO Collaborating Centre for Tuberculosis Laboratory Strengthening",
    institution: "Nigerian Institute of Medical Research",
    department: "Centre for Tuberculosis Research",
    city: "Lagos",
    proposer: "unitHead",
    unitCode: "GTB",
    initiator: "AFRO",
    daysInState: 21,
  },
  {
    state: "APPROVAL",
    countryCode: "BEL",
    title: "WHO Collaborating Centre for Antimicrobial Stewardship Education",
    institution: "Ghent University",
    department: "Faculty of Medicine and Health Sciences",
    city: "Ghent",
    proposer: "officer",
    unitCode: "NCD",
    initiator: "HQ",
    daysInState: 4,
  },
  {
    state: "WITHDRAWN",
    countryCode: "ITA",
    title: "WHO Collaborating Centre for Mobile Health Applications",
    institution: "University of Padua",
    department: "Department of Information Engineering",
    city: "Padua",
    proposer: "officer",
    unitCode: "DHI",
    initiator: "EURO",
    daysInState: 40,
    closedReason:
      "The institution's unit was merged into another department; the proposal will be resubmitted.",
  },
  {
    state: "REJECTED",
    countryCode: "BOT",
    title: "WHO Collaborating Centre for Health Workforce Analytics",
    institution: "University of Botswana",
    department: "Faculty of Health Sciences",
    city: "Gaborone",
    proposer: "unitHead",
    unitCode: "HWF",
    initiator: "AFRO",
    daysInState: 60,
    closedReason: "Less than two years of documented joint work with WHO.",
  },
];
