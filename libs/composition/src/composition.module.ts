import { Module } from '@nestjs/common';
import { CompositionValidator } from './composition.validator';

@Module({
  providers: [CompositionValidator],
  exports: [CompositionValidator],
})
export class CompositionModule {}
