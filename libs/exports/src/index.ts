export { buildCredential, gs1DigitalLink, CREDENTIAL_SIGNATURE_TYPE, UNTP_DPP_CONTEXT, VC_CONTEXT, type ProductPassportCredential } from './credential.builder';
export { ExportsModule } from './exports.module';
