-- CreateTable
CREATE TABLE "UsedSignedPayload" (
    "jti" VARCHAR(200) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "UsedSignedPayload_pkey" PRIMARY KEY ("jti")
);

-- CreateIndex
CREATE INDEX "UsedSignedPayload_expiresAt_idx" ON "UsedSignedPayload"("expiresAt");
