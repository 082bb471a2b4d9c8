-- CreateTable
CREATE TABLE "LoginAttempt" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" TIMESTAMPTZ(3),

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("key")
);
