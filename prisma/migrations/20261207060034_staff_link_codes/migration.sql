-- CreateTable
CREATE TABLE "StaffLinkCode" (
    "id" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffLinkCode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StaffLinkCode_codeHash_key" ON "StaffLinkCode"("codeHash");

-- CreateIndex
CREATE INDEX "StaffLinkCode_storeId_userId_idx" ON "StaffLinkCode"("storeId", "userId");

-- AddForeignKey
ALTER TABLE "StaffLinkCode" ADD CONSTRAINT "StaffLinkCode_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffLinkCode" ADD CONSTRAINT "StaffLinkCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
