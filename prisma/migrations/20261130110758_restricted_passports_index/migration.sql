-- CreateIndex
CREATE INDEX "Passport_compositionRestricted_idx" ON "Passport"("id") WHERE ("compositionRestricted");
