export { LifecycleModule } from './lifecycle.module';
export { LifecycleEventPages, toLifecycleEventModel } from './lifecycle-event-pages';
export { LifecycleEventModel } from './models/lifecycle-event.model';
export { LifecycleService } from './lifecycle.service';
