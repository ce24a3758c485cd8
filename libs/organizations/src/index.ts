export { OrganizationsModule } from './organizations.module';
export { OrganizationService } from './organization.service';
export { OrganizationModel } from './models/organization.model';
export { gtin13Form, prefixOf } from './gs1-company-prefix';
