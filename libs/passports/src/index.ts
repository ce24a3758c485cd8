export { PassportsModule } from './passports.module';
export { PassportService, type RegisterPassport, type RevisePassport } from './passport.service';
export { PassportModel } from './models/passport.model';
