-- CreateIndex
CREATE INDEX "PassportMaterialElement_passportId_idx" ON "PassportMaterialElement"("passportId");
