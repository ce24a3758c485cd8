import { type DynamicModule, Module } from '@nestjs/common';
import { repositoryRoot } from '@registry/core';
import { join } from 'node:path';
import { WEB_APP_DIR, WebAppController } from './web-app.controller';

/** The web application at /app (programme map, manufacturer's workspace, recycler's search); see docs/web-app.md. */
@Module({})
export class WebAppModule {
  static register(dir = join(repositoryRoot(), 'dist', 'web')): DynamicModule {
    return { module: WebAppModule, controllers: [WebAppController], providers: [{ provide: WEB_APP_DIR, useValue: dir }] };
  }
}
