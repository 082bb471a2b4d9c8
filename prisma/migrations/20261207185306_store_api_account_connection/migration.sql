-- CreateEnum
CREATE TYPE "StoreConnectionKind" AS ENUM ('APP', 'API_ACCOUNT');

-- AlterEnum
ALTER TYPE "StoreStatus" ADD VALUE 'DISCONNECTED';

-- AlterTable
ALTER TABLE "Store" ADD COLUMN     "connectionKind" "StoreConnectionKind" NOT NULL DEFAULT 'APP';
