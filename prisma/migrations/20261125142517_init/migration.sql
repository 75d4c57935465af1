-- ─────────────────────────────────────────────────────────────────────────────
-- Written by hand, before the generated part: indexes below use them
-- (gin_trgm_ops). Trigram similarity for typos and prefixes, accent folding;
-- both are trusted contrib extensions (no superuser needed on PostgreSQL 13+),
-- and PGlite has them when the instance is created with them
-- (src/server/db/pglite-server.ts). `npm run db:diff` ignores extensions.
-- ─────────────────────────────────────────────────────────────────────────────
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- CreateEnum
CREATE TYPE "Initiator" AS ENUM ('HQ', 'AFRO', 'AMRO', 'SEARO', 'EURO', 'EMRO', 'WPRO');

-- CreateEnum
CREATE TYPE "CentreStatus" AS ENUM ('PROPOSED', 'ACTIVE', 'PENDING', 'CLOSED', 'NOT_DESIGNATED', 'TERMINATED');

-- CreateEnum
CREATE TYPE "DesignationKind" AS ENUM ('INITIAL', 'REDESIGNATION');

-- CreateEnum
CREATE TYPE "DesignationState" AS ENUM ('DRAFT', 'WITH_INSTITUTION', 'SUBMITTED', 'TECHNICAL_CLEARANCE', 'REGIONAL_REVIEW', 'GOVERNMENT_CONSULTATION', 'APPROVAL', 'DESIGNATED', 'WITHDRAWN', 'REJECTED');

-- CreateEnum
CREATE TYPE "ConsultationOutcome" AS ENUM ('NO_OBJECTION', 'OBJECTION', 'NOT_REQUIRED');

-- CreateEnum
CREATE TYPE "ReportState" AS ENUM ('SCHEDULED', 'OPEN', 'DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ProgressStatus" AS ENUM ('NOT_STARTED', 'ONGOING', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "OutputKind" AS ENUM ('PUBLICATION', 'EVENT', 'TRAINING');

-- CreateEnum
CREATE TYPE "EvaluationState" AS ENUM ('DRAFT', 'COMPLETED');

-- CreateEnum
CREATE TYPE "EvaluationCriterion" AS ENUM ('WORK_PLAN_IMPLEMENTED', 'OUTPUT_QUALITY', 'RELEVANCE', 'COLLABORATION_AND_REPORTING', 'WHO_SUPPORT');

-- CreateEnum
CREATE TYPE "Recommendation" AS ENUM ('REDESIGNATE', 'REDESIGNATE_SHORTER', 'DO_NOT_REDESIGNATE');

-- CreateEnum
CREATE TYPE "CommentVisibility" AS ENUM ('INTERNAL', 'CENTRE');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'OFFICER', 'UNIT_HEAD', 'FOCAL_POINT', 'CENTRE_STAFF');

-- CreateEnum
CREATE TYPE "TokenPurpose" AS ENUM ('INVITATION', 'PASSWORD_RESET');

-- CreateEnum
CREATE TYPE "OutboxState" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "Region" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "office" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Country" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "isoCode" CHAR(2),
    "isoNumeric" CHAR(3),
    "whoCode" CHAR(3) NOT NULL,
    "regionId" INTEGER NOT NULL,
    "lastCentreNumber" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Country_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Subject" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Subject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityType" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActivityType_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Unit" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Institution" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "department" TEXT,
    "address" TEXT,
    "city" TEXT,
    "postalCode" TEXT,
    "website" TEXT,
    "countryId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Institution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Centre" (
    "id" SERIAL NOT NULL,
    "reference" TEXT NOT NULL,
    "referenceNumber" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "status" "CentreStatus" NOT NULL,
    "website" TEXT,
    "city" TEXT,
    "publicContactEmail" TEXT,
    "initiator" "Initiator" NOT NULL,
    "countryId" INTEGER NOT NULL,
    "regionId" INTEGER NOT NULL,
    "institutionId" INTEGER,
    "responsibleOfficerId" INTEGER,
    "unitId" INTEGER,
    "firstDesignatedOn" DATE,
    "termStart" DATE,
    "termEnd" DATE,
    "statusChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "statusReason" TEXT,
    "importedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Centre_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CentreSubject" (
    "centreId" INTEGER NOT NULL,
    "subjectId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "CentreSubject_pkey" PRIMARY KEY ("centreId","subjectId")
);

-- CreateTable
CREATE TABLE "CentreActivityType" (
    "centreId" INTEGER NOT NULL,
    "activityTypeId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "CentreActivityType_pkey" PRIMARY KEY ("centreId","activityTypeId")
);

-- CreateTable
CREATE TABLE "Designation" (
    "id" SERIAL NOT NULL,
    "centreId" INTEGER NOT NULL,
    "kind" "DesignationKind" NOT NULL,
    "state" "DesignationState" NOT NULL,
    "stateChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "proposedById" INTEGER,
    "eligibility" JSONB,
    "jointWorkStart" DATE,
    "jointWorkEnd" DATE,
    "headOfCentreName" TEXT,
    "headOfCentreTitle" TEXT,
    "headOfCentreEmail" TEXT,
    "submittedAt" TIMESTAMP(3),
    "endorsedAt" TIMESTAMP(3),
    "clearedAt" TIMESTAMP(3),
    "clearedById" INTEGER,
    "consultationRequestedOn" DATE,
    "consultationRepliedOn" DATE,
    "consultationOutcome" "ConsultationOutcome",
    "decisionDate" DATE,
    "approverName" TEXT,
    "letterDate" DATE,
    "letterReference" TEXT,
    "termYears" INTEGER,
    "termStart" DATE,
    "termEnd" DATE,
    "frozenVersion" INTEGER,
    "closedReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Designation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TermsOfReferenceItem" (
    "id" SERIAL NOT NULL,
    "designationId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TermsOfReferenceItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkPlanActivity" (
    "id" SERIAL NOT NULL,
    "designationId" INTEGER NOT NULL,
    "torItemId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "activityTypeId" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "deliverables" TEXT NOT NULL,
    "timeframe" TEXT NOT NULL,
    "responsiblePerson" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkPlanActivity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnualReport" (
    "id" SERIAL NOT NULL,
    "centreId" INTEGER NOT NULL,
    "designationId" INTEGER NOT NULL,
    "yearNumber" INTEGER NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "opensOn" DATE NOT NULL,
    "dueOn" DATE NOT NULL,
    "state" "ReportState" NOT NULL,
    "stateChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resourcesUsed" TEXT,
    "collaboration" TEXT,
    "difficulties" TEXT,
    "suggestions" TEXT,
    "useOfWhoName" TEXT,
    "submittedAt" TIMESTAMP(3),
    "submittedById" INTEGER,
    "reviewedAt" TIMESTAMP(3),
    "reviewedById" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnnualReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityProgress" (
    "id" SERIAL NOT NULL,
    "reportId" INTEGER NOT NULL,
    "activityId" INTEGER NOT NULL,
    "status" "ProgressStatus",
    "narrative" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActivityProgress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportOutput" (
    "id" SERIAL NOT NULL,
    "progressId" INTEGER NOT NULL,
    "kind" "OutputKind" NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportOutput_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evaluation" (
    "id" SERIAL NOT NULL,
    "designationId" INTEGER NOT NULL,
    "authorId" INTEGER,
    "state" "EvaluationState" NOT NULL DEFAULT 'DRAFT',
    "recommendation" "Recommendation",
    "justification" TEXT,
    "completedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationScore" (
    "id" SERIAL NOT NULL,
    "evaluationId" INTEGER NOT NULL,
    "criterion" "EvaluationCriterion" NOT NULL,
    "score" INTEGER NOT NULL,
    "comment" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EvaluationScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" SERIAL NOT NULL,
    "designationId" INTEGER,
    "reportId" INTEGER,
    "evaluationId" INTEGER,
    "authorId" INTEGER NOT NULL,
    "visibility" "CommentVisibility" NOT NULL,
    "anchor" TEXT,
    "body" TEXT NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "disabledAt" TIMESTAMP(3),
    "lastSignInAt" TIMESTAMP(3),
    "calendarTokenHash" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoleAssignment" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "role" "Role" NOT NULL,
    "regionId" INTEGER,
    "centreId" INTEGER,
    "unitId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoleAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuthToken" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "purpose" "TokenPurpose" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "issuedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuthToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "blockedUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "key" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "result" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Network" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Network_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NetworkMembership" (
    "networkId" INTEGER NOT NULL,
    "centreId" INTEGER NOT NULL,
    "joinedOn" DATE NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NetworkMembership_pkey" PRIMARY KEY ("networkId","centreId")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,
    "actorRole" "Role",
    "action" TEXT NOT NULL,
    "entityType" TEXT,
    "entityId" TEXT,
    "fromState" TEXT,
    "toState" TEXT,
    "ip" TEXT,
    "userAgent" TEXT,
    "details" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "dedupeKey" TEXT,
    "toEmail" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "textBody" TEXT NOT NULL,
    "state" "OutboxState" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "availableAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "lastError" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CentreSearch" (
    "centreId" INTEGER NOT NULL,
    "status" "CentreStatus" NOT NULL,
    "regionId" INTEGER NOT NULL,
    "countryId" INTEGER NOT NULL,
    "initiator" "Initiator" NOT NULL,
    "subjectIds" INTEGER[],
    "activityTypeIds" INTEGER[],
    "sortReference" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "termEnd" DATE,
    "document" tsvector NOT NULL,

    CONSTRAINT "CentreSearch_pkey" PRIMARY KEY ("centreId")
);

-- CreateTable
CREATE TABLE "SearchWord" (
    "word" TEXT NOT NULL,

    CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("word")
);

-- CreateTable
CREATE TABLE "ApiRateLimit" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "hits" INTEGER NOT NULL,

    CONSTRAINT "ApiRateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Region_code_key" ON "Region"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Country_name_key" ON "Country"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Country_isoCode_key" ON "Country"("isoCode");

-- CreateIndex
CREATE UNIQUE INDEX "Country_whoCode_key" ON "Country"("whoCode");

-- CreateIndex
CREATE INDEX "Country_regionId_idx" ON "Country"("regionId");

-- CreateIndex
CREATE UNIQUE INDEX "Subject_name_key" ON "Subject"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityType_name_key" ON "ActivityType"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_code_key" ON "Unit"("code");

-- CreateIndex
CREATE INDEX "Institution_countryId_idx" ON "Institution"("countryId");

-- CreateIndex
CREATE INDEX "Institution_name_idx" ON "Institution"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Centre_reference_key" ON "Centre"("reference");

-- CreateIndex
CREATE INDEX "Centre_status_idx" ON "Centre"("status");

-- CreateIndex
CREATE INDEX "Centre_regionId_status_idx" ON "Centre"("regionId", "status");

-- CreateIndex
CREATE INDEX "Centre_initiator_idx" ON "Centre"("initiator");

-- CreateIndex
CREATE INDEX "Centre_institutionId_idx" ON "Centre"("institutionId");

-- CreateIndex
CREATE INDEX "Centre_responsibleOfficerId_idx" ON "Centre"("responsibleOfficerId");

-- CreateIndex
CREATE INDEX "Centre_unitId_idx" ON "Centre"("unitId");

-- CreateIndex
CREATE INDEX "Centre_termEnd_idx" ON "Centre"("termEnd");

-- CreateIndex
CREATE INDEX "Centre_title_idx" ON "Centre"("title");

-- CreateIndex
CREATE UNIQUE INDEX "Centre_countryId_referenceNumber_key" ON "Centre"("countryId", "referenceNumber");

-- CreateIndex
CREATE INDEX "CentreSubject_subjectId_idx" ON "CentreSubject"("subjectId");

-- CreateIndex
CREATE INDEX "CentreActivityType_activityTypeId_idx" ON "CentreActivityType"("activityTypeId");

-- CreateIndex
CREATE INDEX "Designation_centreId_idx" ON "Designation"("centreId");

-- CreateIndex
CREATE INDEX "Designation_state_idx" ON "Designation"("state");

-- CreateIndex
CREATE INDEX "Designation_proposedById_idx" ON "Designation"("proposedById");

-- CreateIndex
CREATE INDEX "Designation_clearedById_idx" ON "Designation"("clearedById");

-- CreateIndex
CREATE INDEX "Designation_termEnd_idx" ON "Designation"("termEnd");

-- CreateIndex
CREATE INDEX "TermsOfReferenceItem_designationId_position_idx" ON "TermsOfReferenceItem"("designationId", "position");

-- CreateIndex
CREATE INDEX "WorkPlanActivity_designationId_position_idx" ON "WorkPlanActivity"("designationId", "position");

-- CreateIndex
CREATE INDEX "WorkPlanActivity_torItemId_idx" ON "WorkPlanActivity"("torItemId");

-- CreateIndex
CREATE INDEX "WorkPlanActivity_activityTypeId_idx" ON "WorkPlanActivity"("activityTypeId");

-- CreateIndex
CREATE INDEX "AnnualReport_centreId_idx" ON "AnnualReport"("centreId");

-- CreateIndex
CREATE INDEX "AnnualReport_state_dueOn_idx" ON "AnnualReport"("state", "dueOn");

-- CreateIndex
CREATE INDEX "AnnualReport_submittedById_idx" ON "AnnualReport"("submittedById");

-- CreateIndex
CREATE INDEX "AnnualReport_reviewedById_idx" ON "AnnualReport"("reviewedById");

-- CreateIndex
CREATE UNIQUE INDEX "AnnualReport_designationId_yearNumber_key" ON "AnnualReport"("designationId", "yearNumber");

-- CreateIndex
CREATE INDEX "ActivityProgress_activityId_idx" ON "ActivityProgress"("activityId");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityProgress_reportId_activityId_key" ON "ActivityProgress"("reportId", "activityId");

-- CreateIndex
CREATE INDEX "ReportOutput_progressId_idx" ON "ReportOutput"("progressId");

-- CreateIndex
CREATE UNIQUE INDEX "Evaluation_designationId_key" ON "Evaluation"("designationId");

-- CreateIndex
CREATE INDEX "Evaluation_authorId_idx" ON "Evaluation"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationScore_evaluationId_criterion_key" ON "EvaluationScore"("evaluationId", "criterion");

-- CreateIndex
CREATE INDEX "Comment_designationId_idx" ON "Comment"("designationId");

-- CreateIndex
CREATE INDEX "Comment_reportId_idx" ON "Comment"("reportId");

-- CreateIndex
CREATE INDEX "Comment_evaluationId_idx" ON "Comment"("evaluationId");

-- CreateIndex
CREATE INDEX "Comment_authorId_idx" ON "Comment"("authorId");

-- CreateIndex
CREATE INDEX "Comment_resolvedById_idx" ON "Comment"("resolvedById");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "User_calendarTokenHash_key" ON "User"("calendarTokenHash");

-- CreateIndex
CREATE INDEX "RoleAssignment_userId_idx" ON "RoleAssignment"("userId");

-- CreateIndex
CREATE INDEX "RoleAssignment_regionId_idx" ON "RoleAssignment"("regionId");

-- CreateIndex
CREATE INDEX "RoleAssignment_centreId_idx" ON "RoleAssignment"("centreId");

-- CreateIndex
CREATE INDEX "RoleAssignment_unitId_idx" ON "RoleAssignment"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "AuthToken_tokenHash_key" ON "AuthToken"("tokenHash");

-- CreateIndex
CREATE INDEX "AuthToken_userId_purpose_idx" ON "AuthToken"("userId", "purpose");

-- CreateIndex
CREATE INDEX "AuthToken_issuedById_idx" ON "AuthToken"("issuedById");

-- CreateIndex
CREATE INDEX "SignInThrottle_updatedAt_idx" ON "SignInThrottle"("updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SignInThrottle_email_ip_key" ON "SignInThrottle"("email", "ip");

-- CreateIndex
CREATE INDEX "IdempotencyKey_userId_idx" ON "IdempotencyKey"("userId");

-- CreateIndex
CREATE INDEX "IdempotencyKey_createdAt_idx" ON "IdempotencyKey"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Network_name_key" ON "Network"("name");

-- CreateIndex
CREATE INDEX "NetworkMembership_centreId_idx" ON "NetworkMembership"("centreId");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_occurredAt_idx" ON "AuditEvent"("actorId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_occurredAt_idx" ON "AuditEvent"("occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_state_availableAt_idx" ON "OutboxMessage"("state", "availableAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_toEmail_idx" ON "OutboxMessage"("toEmail");

-- CreateIndex
CREATE INDEX "CentreSearch_document_idx" ON "CentreSearch" USING GIN ("document");

-- CreateIndex
CREATE INDEX "CentreSearch_subjectIds_idx" ON "CentreSearch" USING GIN ("subjectIds");

-- CreateIndex
CREATE INDEX "CentreSearch_activityTypeIds_idx" ON "CentreSearch" USING GIN ("activityTypeIds");

-- CreateIndex
CREATE INDEX "CentreSearch_status_regionId_idx" ON "CentreSearch"("status", "regionId");

-- CreateIndex
CREATE INDEX "CentreSearch_countryId_idx" ON "CentreSearch"("countryId");

-- CreateIndex
CREATE INDEX "CentreSearch_sortReference_idx" ON "CentreSearch"("sortReference");

-- CreateIndex
CREATE INDEX "CentreSearch_title_centreId_idx" ON "CentreSearch"("title", "centreId");

-- CreateIndex
CREATE INDEX "CentreSearch_termEnd_centreId_idx" ON "CentreSearch"("termEnd", "centreId");

-- CreateIndex
CREATE INDEX "SearchWord_word_idx" ON "SearchWord" USING GIN ("word" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "ApiRateLimit_windowStart_idx" ON "ApiRateLimit"("windowStart");

-- AddForeignKey
ALTER TABLE "Country" ADD CONSTRAINT "Country_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Institution" ADD CONSTRAINT "Institution_countryId_fkey" FOREIGN KEY ("countryId") REFERENCES "Country"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Centre" ADD CONSTRAINT "Centre_countryId_fkey" FOREIGN KEY ("countryId") REFERENCES "Country"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Centre" ADD CONSTRAINT "Centre_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Centre" ADD CONSTRAINT "Centre_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Centre" ADD CONSTRAINT "Centre_responsibleOfficerId_fkey" FOREIGN KEY ("responsibleOfficerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Centre" ADD CONSTRAINT "Centre_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CentreSubject" ADD CONSTRAINT "CentreSubject_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CentreSubject" ADD CONSTRAINT "CentreSubject_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CentreActivityType" ADD CONSTRAINT "CentreActivityType_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CentreActivityType" ADD CONSTRAINT "CentreActivityType_activityTypeId_fkey" FOREIGN KEY ("activityTypeId") REFERENCES "ActivityType"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Designation" ADD CONSTRAINT "Designation_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Designation" ADD CONSTRAINT "Designation_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Designation" ADD CONSTRAINT "Designation_clearedById_fkey" FOREIGN KEY ("clearedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TermsOfReferenceItem" ADD CONSTRAINT "TermsOfReferenceItem_designationId_fkey" FOREIGN KEY ("designationId") REFERENCES "Designation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkPlanActivity" ADD CONSTRAINT "WorkPlanActivity_designationId_fkey" FOREIGN KEY ("designationId") REFERENCES "Designation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkPlanActivity" ADD CONSTRAINT "WorkPlanActivity_torItemId_fkey" FOREIGN KEY ("torItemId") REFERENCES "TermsOfReferenceItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkPlanActivity" ADD CONSTRAINT "WorkPlanActivity_activityTypeId_fkey" FOREIGN KEY ("activityTypeId") REFERENCES "ActivityType"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualReport" ADD CONSTRAINT "AnnualReport_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualReport" ADD CONSTRAINT "AnnualReport_designationId_fkey" FOREIGN KEY ("designationId") REFERENCES "Designation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualReport" ADD CONSTRAINT "AnnualReport_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualReport" ADD CONSTRAINT "AnnualReport_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityProgress" ADD CONSTRAINT "ActivityProgress_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "AnnualReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityProgress" ADD CONSTRAINT "ActivityProgress_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "WorkPlanActivity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportOutput" ADD CONSTRAINT "ReportOutput_progressId_fkey" FOREIGN KEY ("progressId") REFERENCES "ActivityProgress"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_designationId_fkey" FOREIGN KEY ("designationId") REFERENCES "Designation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationScore" ADD CONSTRAINT "EvaluationScore_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_designationId_fkey" FOREIGN KEY ("designationId") REFERENCES "Designation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "AnnualReport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthToken" ADD CONSTRAINT "AuthToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthToken" ADD CONSTRAINT "AuthToken_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkMembership" ADD CONSTRAINT "NetworkMembership_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkMembership" ADD CONSTRAINT "NetworkMembership_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CentreSearch" ADD CONSTRAINT "CentreSearch_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ─────────────────────────────────────────────────────────────────────────────
-- Written by hand (schema.prisma cannot express it; `npm run db:diff` ignores
-- functions and triggers, so it stays out of later diffs).
-- ─────────────────────────────────────────────────────────────────────────────

-- AuditEvent is append-only: a row, once written, can be neither changed nor
-- deleted, whatever the application code does. (Deleting a User who has
-- audit events therefore fails: the foreign key's SET NULL is an UPDATE.)
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % is not allowed', TG_OP;
END;
$$;

CREATE TRIGGER "AuditEvent_append_only"
BEFORE UPDATE OR DELETE ON "AuditEvent"
FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
