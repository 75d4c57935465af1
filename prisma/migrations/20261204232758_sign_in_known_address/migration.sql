-- AlterTable
ALTER TABLE "SignInThrottle" ADD COLUMN     "signedInAt" TIMESTAMP(3);
