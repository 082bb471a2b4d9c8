-- CreateTable
CREATE TABLE "SelfServiceStep" (
    "id" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "chatIdentityId" UUID NOT NULL,
    "slot" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SelfServiceStep_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SelfServiceStep_storeId_idx" ON "SelfServiceStep"("storeId");

-- CreateIndex
CREATE UNIQUE INDEX "SelfServiceStep_chatIdentityId_slot_key" ON "SelfServiceStep"("chatIdentityId", "slot");

-- AddForeignKey
ALTER TABLE "SelfServiceStep" ADD CONSTRAINT "SelfServiceStep_chatIdentityId_fkey" FOREIGN KEY ("chatIdentityId") REFERENCES "ChannelIdentity"("id") ON DELETE CASCADE ON UPDATE CASCADE;
